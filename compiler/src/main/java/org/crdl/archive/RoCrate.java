package org.crdl.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ro-crate-metadata.json} (RO-Crate 1.1, JSON-LD) for repositories such as Zenodo: the
 * root dataset with the model as its main entity, each model, data, code and result file with
 * its format and size, CRDL as the software, and — with results — the run as a
 * {@code CreateAction} whose objects are the model and data and whose results are the outputs.
 */
final class RoCrate {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RoCrate() {
    }

    static void write(Path crate, RunSpec spec, String title) throws IOException {
        ObjectNode root = F.objectNode();
        root.put("@context", "https://w3id.org/ro/crate/1.1/context");
        ArrayNode graph = root.putArray("@graph");

        ObjectNode descriptor = graph.addObject();
        descriptor.put("@id", ArchiveLayout.CRATE).put("@type", "CreativeWork");
        descriptor.set("conformsTo", ref("https://w3id.org/ro/crate/1.1"));
        descriptor.set("about", ref("./"));

        ObjectNode dataset = graph.addObject();
        dataset.put("@id", "./").put("@type", "Dataset");
        dataset.put("name", "CRDL model archive: " + spec.modelName());
        dataset.put("description", (title.isEmpty() ? "Model " + spec.modelName() : title)
                + ". Everything needed to re-run it with CRDL: the model and the files it uses, the data it reads, "
                + "the generated Java" + (spec.results().isEmpty() ? "" : " and the results") + "; "
                + "check and re-run with: crdl verify FILE.crdla");
        dataset.put("datePublished", spec.created());
        dataset.set("mainEntity", ref(spec.model()));
        ArrayNode parts = dataset.putArray("hasPart");

        ObjectNode crdl = F.objectNode();
        crdl.put("@id", "#crdl").put("@type", "SoftwareApplication").put("name", "CRDL");
        crdl.put("version", spec.crdlVersion() + " (git " + spec.crdlCommit() + ")");
        crdl.put("description", "Cosmic-Ray Description Language compiler and transport runtime");
        ObjectNode language = F.objectNode();
        language.put("@id", "#crdl-language").put("@type", "ComputerLanguage").put("name", "CRDL");
        ObjectNode java = F.objectNode();
        java.put("@id", "#java").put("@type", "ComputerLanguage").put("name", "Java");

        ArrayNode objects = F.arrayNode();
        for (String m : spec.modelFiles()) {
            ObjectNode f = file(crate, m, "text/plain", parts, graph);
            f.set("@type", F.arrayNode().add("File").add("SoftwareSourceCode"));
            f.set("programmingLanguage", ref("#crdl-language"));
            f.put("description", m.equals(spec.model()) ? "the model that is run" : "a file the model uses");
            objects.add(ref(m));
        }
        for (String d : spec.dataFiles()) {
            ObjectNode f = file(crate, d, "text/plain", parts, graph);
            f.put("description", d.startsWith(ArchiveLayout.CROSS_SECTIONS + "/") ? "cross-section data the model reads"
                    : "observational data the model is compared with");
            objects.add(ref(d));
        }
        for (String g : spec.generated()) {
            ObjectNode f = file(crate, g, "text/x-java-source", parts, graph);
            f.set("@type", F.arrayNode().add("File").add("SoftwareSourceCode"));
            f.set("programmingLanguage", ref("#java"));
            f.put("description", "Java generated from the model by CRDL (crdl verify regenerates and compares it)");
        }
        ObjectNode specFile = file(crate, ArchiveLayout.SPEC, "application/json", parts, graph);
        specFile.put("description", "the run: model, galaxy, parameters, commands, CRDL and Java versions");
        ArrayNode results = F.arrayNode();
        for (String r : spec.results()) {
            ObjectNode f = file(crate, r, format(r), parts, graph);
            f.put("description", "output of the archived run");
            results.add(ref(r));
        }
        graph.add(crdl);
        graph.add(language);
        graph.add(java);
        if (!spec.results().isEmpty()) {
            ObjectNode run = graph.addObject();
            run.put("@id", "#run").put("@type", "CreateAction");
            run.put("name", String.join(" ", spec.runCommand()));
            run.set("instrument", ref("#crdl"));
            run.set("object", objects);
            run.set("result", results);
            dataset.set("mentions", ref("#run"));
        }
        RunSpec.JSON.writeValue(crate.resolve(ArchiveLayout.CRATE).toFile(), root);
    }

    private static ObjectNode file(Path crate, String id, String format, ArrayNode parts, ArrayNode graph)
            throws IOException {
        parts.add(ref(id));
        ObjectNode f = graph.addObject();
        f.put("@id", id).put("@type", "File");
        f.put("name", Path.of(id).getFileName().toString());
        f.put("encodingFormat", format);
        f.put("contentSize", Long.toString(Files.size(crate.resolve(id))));
        return f;
    }

    private static String format(String name) {
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    private static JsonNode ref(String id) {
        return F.objectNode().put("@id", id);
    }

    /** The ids of the files the crate lists (for tests). */
    static List<String> fileIds(JsonNode crate) {
        List<String> out = new java.util.ArrayList<>();
        crate.get("@graph").forEach(n -> {
            JsonNode t = n.get("@type");
            if (t != null && (t.asText().equals("File") || (t.isArray() && t.get(0).asText().equals("File")))) {
                out.add(n.get("@id").asText());
            }
        });
        return out;
    }
}
