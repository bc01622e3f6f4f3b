package org.crdl.archive;

/**
 * An archive that cannot be used: {@link #UNREADABLE} (not a zip, truncated, hostile entries,
 * over the size limits: exit 2) or {@link #MISMATCH} (readable but not what was archived: exit 1).
 */
public final class ArchiveException extends RuntimeException {
    /** Exit code of an unreadable or hostile archive. */
    public static final int UNREADABLE = 2;
    /** Exit code of an archive whose content fails its checks. */
    public static final int MISMATCH = 1;

    private final int exitCode;
    private boolean fromDeclaredHeader;

    public ArchiveException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ArchiveException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    static ArchiveException unreadable(String message) {
        return new ArchiveException(UNREADABLE, message);
    }

    /** Unreadable because of what a central-directory record declares (method, flags, sizes, offset). */
    static ArchiveException declared(String message) {
        ArchiveException e = unreadable(message);
        e.fromDeclaredHeader = true;
        return e;
    }

    boolean fromDeclaredHeader() {
        return fromDeclaredHeader;
    }

    public int exitCode() {
        return exitCode;
    }
}
