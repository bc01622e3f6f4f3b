package org.crdl.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The CRDL version and git commit this build was made from, filled in by Maven at build time
 * ({@code crdl-build.properties}; the commit is {@code unknown} when built outside a git
 * checkout and ends in {@code -dirty} when the checkout had uncommitted changes), and the
 * Java runtime it runs on.
 */
public record BuildInfo(String version, String commit, String javaVersion, String javaVendor) {

    private static final BuildInfo CURRENT = load();

    /** The running build. */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/crdl/crdl-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return new BuildInfo(value(p, "version"), value(p, "commit"), System.getProperty("java.version", "unknown"),
                System.getProperty("java.vendor", "unknown"));
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }
}
