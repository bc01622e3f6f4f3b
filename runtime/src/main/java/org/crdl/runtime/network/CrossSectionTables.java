package org.crdl.runtime.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crdl.runtime.plasma.ModelException;

/**
 * Reads the cross-section files a model names, whatever their format: the DRAGON2 format
 * ({@link FragmentationFile}, rows {@code Z.A Z.A E σ …}), Webber partial tables
 * ({@link WebberTable}, 8-digit codes) and Webber total tables (4-digit codes, σ_inel).
 */
public final class CrossSectionTables {
    private CrossSectionTables() {
    }

    private static List<String> lines(Path file) {
        return textLines(file);
    }

    /** The lines of a cross-section table; a binary or unreadable file is a {@link ModelException} naming it. */
    static List<String> textLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ModelException("cross-section file " + file + " is not a text file (it holds bytes that are not "
                    + "UTF-8 text)", e);
        } catch (IOException e) {
            throw new ModelException("cannot read cross-section file " + file + ": " + e.getMessage(), e);
        }
    }

    /** true for a Webber total (inelastic) table such as webber_xsec_total.dat */
    public static boolean isWebberTotal(Path file) {
        return WebberTable.isTotalTable(lines(file));
    }

    private record Key(Path file, long modified, long size) {
    }

    /** tables already read in this JVM, by file, modification time and size (immutable, so shared) */
    private static final Map<Key, PartialCrossSections> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** partial cross sections from a DRAGON2-format or Webber partial file (read once per JVM and file version) */
    public static PartialCrossSections readPartials(Path file) {
        Key key;
        try {
            key = new Key(file.toAbsolutePath().normalize(), Files.getLastModifiedTime(file).toMillis(), Files.size(file));
        } catch (IOException e) {
            throw new ModelException("cannot read cross-section file " + file + ": " + e.getMessage(), e);
        }
        return CACHE.computeIfAbsent(key, k -> WebberTable.isPartialTable(lines(file)) ? WebberTable.read(file)
                : FragmentationFile.read(file));
    }

    /** {@code base} with some channels replaced (or added) by constant cross sections [mb] */
    public static PartialCrossSections withConstants(PartialCrossSections base, Map<PartialCrossSections.Channel, Double> mb) {
        Map<PartialCrossSections.Channel, Double> fixed = Collections.unmodifiableMap(new LinkedHashMap<>(mb));
        Set<PartialCrossSections.Channel> all = new LinkedHashSet<>(base.channels());
        all.addAll(fixed.keySet());
        Set<PartialCrossSections.Channel> channels = Collections.unmodifiableSet(all);
        return new PartialCrossSections() {
            @Override
            public Set<Channel> channels() {
                return channels;
            }

            @Override
            public double hydrogenMb(Channel channel, double ekGeVPerNucleon) {
                Double f = fixed.get(channel);
                return f != null ? f : base.hydrogenMb(channel, ekGeVPerNucleon);
            }
        };
    }
}
