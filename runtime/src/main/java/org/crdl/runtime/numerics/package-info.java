/**
 * Small numerical building blocks shared by the physics packages (cached Gauss–Legendre rules on
 * top of Commons Math). No physics here.
 */
package org.crdl.runtime.numerics;
