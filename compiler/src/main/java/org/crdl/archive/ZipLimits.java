package org.crdl.archive;

/**
 * Caps on what reading a zip may produce, checked against the declared sizes before anything is
 * written and again, byte by byte, while entries are extracted (a lying header cannot get past
 * them). Defaults: 10 000 entries, 1 GiB per entry, 4 GiB in all — far above any model archive
 * (the reference flat halo with results is about 0.8 MB).
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {

    public static final ZipLimits DEFAULT = new ZipLimits(10_000, 1L << 30, 4L << 30);

    public ZipLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }
}
