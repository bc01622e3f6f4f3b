package org.crdl.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crdl.runtime.plasma.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonWriterTest {
    @TempDir
    Path dir;

    @Test
    void summaryShapeIsWrittenInInsertionOrder() throws IOException {
        JsonObject summary = new JsonObject()
                .put("model", "hopkins2022_reference")
                .put("source_sha256", "ab12")
                .put("parameters", new JsonObject().put("xi_k", 0.25).put("n", 3))
                .put("datasets", new JsonArray()
                        .add(new JsonObject().put("file", "B_C_ratio_AMS_PRL2018.txt")
                                .put("chi2", 61.5).put("points", 67).put("outside", 0)))
                .put("empty", new JsonArray())
                .put("none", new JsonObject())
                .put("ok", true)
                .putNull("note");
        Path f = dir.resolve("out/summary.json");
        JsonWriter.write(summary, f);
        assertEquals("{\n"
                + "  \"model\": \"hopkins2022_reference\",\n"
                + "  \"source_sha256\": \"ab12\",\n"
                + "  \"parameters\": {\n"
                + "    \"xi_k\": 0.25,\n"
                + "    \"n\": 3\n"
                + "  },\n"
                + "  \"datasets\": [\n"
                + "    {\n"
                + "      \"file\": \"B_C_ratio_AMS_PRL2018.txt\",\n"
                + "      \"chi2\": 61.5,\n"
                + "      \"points\": 67,\n"
                + "      \"outside\": 0\n"
                + "    }\n"
                + "  ],\n"
                + "  \"empty\": [],\n"
                + "  \"none\": {},\n"
                + "  \"ok\": true,\n"
                + "  \"note\": null\n"
                + "}\n", Files.readString(f, StandardCharsets.UTF_8));
    }

    @Test
    void stringsAreEscaped() {
        JsonObject o = new JsonObject().put("s", "a\"b\\c\nd\te\u0001f/χ²\u2028");
        assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\nd\\te\\u0001f/χ²\\u2028\"\n}\n", JsonWriter.toJson(o));
        JsonObject key = new JsonObject().put("k\"ey", 1);
        assertEquals("{\n  \"k\\\"ey\": 1\n}\n", JsonWriter.toJson(key));
    }

    @Test
    void loneSurrogateIsEscaped() {
        assertEquals("[\n  \"\\ud800x\"\n]\n", JsonWriter.toJson(new JsonArray().add("\ud800x")));
    }

    @Test
    void numbersKeepFullPrecisionAndNonFiniteIsRefused() {
        assertEquals("[\n  0.1,\n  1.0E-30,\n  -2.5,\n  9007199254740993\n]\n",
                JsonWriter.toJson(new JsonArray().add(0.1).add(1e-30).add(-2.5).add(9007199254740993L)));
        assertThrows(ModelException.class, () -> new JsonObject().put("chi2", Double.NaN));
        assertThrows(ModelException.class, () -> new JsonArray().add(Double.POSITIVE_INFINITY));
    }

    @Test
    void duplicateKeysAreRefused() {
        JsonObject o = new JsonObject().put("a", 1);
        assertThrows(ModelException.class, () -> o.put("a", 2));
    }

    @Test
    void sameContentGivesSameBytes() {
        JsonObject a = new JsonObject().put("z", 1).put("a", JsonArray.ofNumbers(1.5, 2.5));
        JsonObject b = new JsonObject().put("z", 1).put("a", JsonArray.ofNumbers(1.5, 2.5));
        assertEquals(JsonWriter.toJson(a), JsonWriter.toJson(b));
    }
}
