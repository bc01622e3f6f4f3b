/**
 * Patchy scattering by populations of intermittent structures (butsky2024): the runtime half of
 * the {@code structure} declaration. A generated (or interpreted) {@link org.crdl.runtime.structures.Structure}
 * gives one population's size range, long axis, abundance and optical depth per size; a
 * {@link org.crdl.runtime.structures.PatchyScattering} integrates over sizes per rigidity
 * (digest §5.2) and behaves as an ordinary phenomenological
 * {@link org.crdl.runtime.waves.ScatteringModel}; {@link org.crdl.runtime.structures.Validation} evaluates
 * the consistency rules V1–V10 (digest §5.1) on a rigidity grid.
 */
package org.crdl.runtime.structures;
