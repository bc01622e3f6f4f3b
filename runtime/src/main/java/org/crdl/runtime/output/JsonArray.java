package org.crdl.runtime.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A JSON array; elements as for {@link JsonObject}. */
public final class JsonArray {
    private final List<Object> elements = new ArrayList<>();

    public JsonArray add(String value) {
        elements.add(value);
        return this;
    }

    /** A finite number; NaN and ±∞ fail. */
    public JsonArray add(double value) {
        elements.add(JsonValues.number(value, "array element " + elements.size()));
        return this;
    }

    public JsonArray add(long value) {
        elements.add(value);
        return this;
    }

    public JsonArray add(boolean value) {
        elements.add(value);
        return this;
    }

    public JsonArray add(JsonObject value) {
        elements.add(value);
        return this;
    }

    public JsonArray add(JsonArray value) {
        elements.add(value);
        return this;
    }

    public JsonArray addNull() {
        elements.add(null);
        return this;
    }

    /** An array of finite numbers. */
    public static JsonArray ofNumbers(double... values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** Elements in order (read-only view). */
    public List<Object> elements() {
        return Collections.unmodifiableList(elements);
    }

    public int size() {
        return elements.size();
    }

    @Override
    public String toString() {
        return JsonWriter.toJson(this);
    }
}
