package org.crdl.load;

/**
 * The parent class loader of generated code: the CRDL runtime API and the JDK, nothing else
 * from the application class path (no compiler, Janino, Commons Math or CLI classes).
 *
 * Janino has to resolve JDK types while compiling — it reflects on the signatures of
 * String, Object, System… — so the loader cannot be the policy. The policy is enforced on
 * the compiled bytes by {@link BytecodeVerifier}: generated classes may refer only to the
 * runtime and to Math, boxed numbers, String and a few exceptions; a class that touches
 * java.io, reflection, threads, processes or System is rejected before it is ever loaded.
 */
final class RuntimeOnlyClassLoader extends ClassLoader {
    private final ClassLoader application;

    RuntimeOnlyClassLoader(ClassLoader application) {
        super(null);
        this.application = application;
    }

    static boolean visible(String name) {
        return name.startsWith("org.crdl.runtime.") || name.startsWith("java.") || name.startsWith("javax.")
                || name.startsWith("jdk.") || name.startsWith("sun.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!visible(name)) {
            throw new ClassNotFoundException(name + " is not available to generated code (only the CRDL runtime is)");
        }
        return name.startsWith("org.crdl.runtime.") ? Class.forName(name, false, application)
                : Class.forName(name, false, null);
    }
}
