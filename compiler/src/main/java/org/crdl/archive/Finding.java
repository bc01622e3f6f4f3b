package org.crdl.archive;

/** One thing that differs from what was archived: the entry (archive path) and how. */
public record Finding(String entry, String how) {
    @Override
    public String toString() {
        return entry + ": " + how;
    }
}
