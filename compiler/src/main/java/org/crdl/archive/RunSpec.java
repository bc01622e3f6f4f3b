package org.crdl.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code crdl-run.json}: what was archived and how to run it again. Paths are relative to the
 * crate root ({@code data/} of the bag). {@code runCommand} is the command that re-runs the
 * archived result inside the archive (it is also the {@code provenance.command} of the archived
 * summary.json); {@code archiveCommand} is the command that made the archive.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSpec(String format, String model, String modelName, String galaxy, String engine, List<String> set,
                      List<Param> parameters, List<String> runCommand, List<String> archiveCommand, String crdlVersion,
                      String crdlCommit, String javaVersion, String javaVendor, String created, List<String> modelFiles,
                      List<String> dataFiles, List<String> generated, List<String> results) {

    public RunSpec {
        set = set == null ? List.of() : set;
        parameters = parameters == null ? List.of() : parameters;
        runCommand = runCommand == null ? List.of() : runCommand;
        archiveCommand = archiveCommand == null ? List.of() : archiveCommand;
        modelFiles = modelFiles == null ? List.of() : modelFiles;
        dataFiles = dataFiles == null ? List.of() : dataFiles;
        generated = generated == null ? List.of() : generated;
        results = results == null ? List.of() : results;
    }

    /** The first path this spec names that is not a plain relative path inside the crate, if any. */
    java.util.Optional<String> pathOutside() {
        List<String> all = new java.util.ArrayList<>();
        all.add(model);
        all.addAll(modelFiles);
        all.addAll(dataFiles);
        all.addAll(generated);
        all.addAll(results);
        for (String p : all) {
            if (p == null || p.isEmpty() || p.startsWith("/") || p.contains("\\") || p.contains(":")
                    || java.util.Arrays.asList(p.split("/")).stream().anyMatch(s -> s.equals("..") || s.equals("."))) {
                return java.util.Optional.of(String.valueOf(p));
            }
        }
        return java.util.Optional.empty();
    }

    /** A parameter value as archived (cgs). */
    public record Param(String name, double valueCgs, String unitCgs) {
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static RunSpec read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunSpec.class);
    }
}
