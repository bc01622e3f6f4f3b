/**
 * Fits and scans of a model's parameters against data (issue 14): the numerics only, on an
 * {@link org.crdl.runtime.fit.Objective} that maps parameter values to χ² per dataset.
 *
 * <p><b>Takes</b> an objective (the compiler builds one from a checked model whose runs are
 * re-evaluated in process, or a remote backend), the varied or free parameters with their declared
 * ranges. <b>Gives</b> grids of {@link org.crdl.runtime.fit.PointResult} ({@link
 * org.crdl.runtime.fit.GridScan}), best fits with Hessian and profile-likelihood errors
 * ({@link org.crdl.runtime.fit.Fitter}), ensemble-sampler chains
 * ({@link org.crdl.runtime.fit.EnsembleSampler}), analytically profiled normalisations
 * ({@link org.crdl.runtime.fit.Normalisation}), and their CSV, JSON and PNG outputs.
 */
package org.crdl.runtime.fit;
