package org.crdl.runtime.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crdl.runtime.plasma.ModelException;

/**
 * A JSON object whose members keep the order they were put in (so output is deterministic).
 * Values are strings, finite numbers, booleans, null, {@link JsonObject}s and {@link JsonArray}s.
 *
 * <pre>{@code
 * JsonObject summary = new JsonObject()
 *         .put("model", "hopkins2022_reference")
 *         .put("chi2", new JsonObject().put("B_C_ratio_AMS_PRL2018.txt", 61.2));
 * JsonWriter.write(summary, out.resolve("summary.json"));
 * }</pre>
 */
public final class JsonObject {
    private final Map<String, Object> members = new LinkedHashMap<>();

    public JsonObject put(String key, String value) {
        return putValue(key, value);
    }

    /** A finite number; NaN and ±∞ have no JSON form and fail. */
    public JsonObject put(String key, double value) {
        return putValue(key, JsonValues.number(value, "key '" + key + "'"));
    }

    public JsonObject put(String key, long value) {
        return putValue(key, value);
    }

    public JsonObject put(String key, boolean value) {
        return putValue(key, value);
    }

    public JsonObject put(String key, JsonObject value) {
        return putValue(key, value);
    }

    public JsonObject put(String key, JsonArray value) {
        return putValue(key, value);
    }

    /** A JSON {@code null}. */
    public JsonObject putNull(String key) {
        return putValue(key, null);
    }

    private JsonObject putValue(String key, Object value) {
        if (key == null) {
            throw new IllegalArgumentException("JSON keys cannot be null");
        }
        if (members.containsKey(key)) {
            throw new ModelException("duplicate JSON key '" + key + "'");
        }
        members.put(key, value);
        return this;
    }

    /** Members in insertion order (read-only view). */
    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    /** Indented JSON text. */
    @Override
    public String toString() {
        return JsonWriter.toJson(this);
    }
}
