package org.crdl.runtime.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.crdl.runtime.plasma.ModelException;

/**
 * The lines of one observation file and the helpers every reader needs: numbers with
 * {@code file:line:} errors. Line numbers in messages are 1-based.
 */
final class SourceText {
    private final Path path;
    private final List<String> lines;

    private SourceText(Path path, List<String> lines) {
        this.path = path;
        this.lines = lines;
    }

    /** Reads the file (any line ending; bytes outside ASCII are kept as Latin-1). */
    static SourceText read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ModelException(path + ": observation file not found");
        }
        try {
            return new SourceText(path, Files.readAllLines(path, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            throw new ModelException(path + ": observation file not found", e);
        } catch (IOException e) {
            throw new ModelException(path + ": cannot read observation file: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    String fileName() {
        return path.getFileName().toString();
    }

    int lineCount() {
        return lines.size();
    }

    /** Line at 0-based {@code index}, without its line terminator. */
    String line(int index) {
        return lines.get(index);
    }

    /** Index of the first non-blank line at or after {@code from}, or -1. */
    int nextNonBlank(int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** An error located at the 0-based line {@code index}. */
    ModelException error(int index, String message) {
        return new ModelException(path + ":" + (index + 1) + ": " + message);
    }

    /** An error about the file as a whole. */
    ModelException error(String message) {
        return new ModelException(path + ": " + message);
    }

    /**
     * The whitespace-separated numbers of line {@code index}; there must be exactly
     * {@code columns.size()} of them, named by {@code columns} in messages.
     */
    double[] numbers(int index, List<String> columns) {
        String text = lines.get(index).trim();
        String[] tokens = text.isEmpty() ? new String[0] : text.split("\\s+");
        if (tokens.length != columns.size()) {
            throw error(index, "expected " + columns.size() + " numbers (" + String.join(", ", columns)
                    + "), found " + tokens.length + ": '" + text + "'");
        }
        double[] values = new double[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            values[k] = number(index, tokens[k], columns.get(k));
        }
        return values;
    }

    /** One token as a finite number, or an error naming the column. */
    double number(int index, String token, String column) {
        double value;
        try {
            value = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw error(index, "cannot read '" + token + "' as a number (column " + column + ")");
        }
        if (!Double.isFinite(value)) {
            throw error(index, "column " + column + " is not a finite number: '" + token + "'");
        }
        return value;
    }

    /** Builds a point, turning a violated point invariant into an error at this line. */
    DataPoint point(int index, double x, double xLo, double xHi, double y, double errLo, double errHi) {
        try {
            return new DataPoint(x, xLo, xHi, y, errLo, errHi);
        } catch (IllegalArgumentException e) {
            throw error(index, e.getMessage());
        }
    }
}
