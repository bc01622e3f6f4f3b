/**
 * {@code crdl test}: test suites for models. Takes folders or files; finds models, their {@code expect}
 * statements, the {@code .rates.expected}/{@code .run.expected} files and golden code next to them and
 * the bad inputs with their expected diagnostics; gives one {@link org.crdl.testing.CheckResult} per check
 * (printed as PASS/FAIL lines and written as JUnit XML). The project's own regression tests call the same
 * {@link org.crdl.testing.ModelTestSuite}.
 */
package org.crdl.testing;
