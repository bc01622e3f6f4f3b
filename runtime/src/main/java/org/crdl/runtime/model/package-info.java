/**
 * The contract between compiled models and the runtime: {@link org.crdl.runtime.model.CompiledModel}
 * gives a model's parameters, phases and scattering blocks. Generated classes implement it.
 */
package org.crdl.runtime.model;
