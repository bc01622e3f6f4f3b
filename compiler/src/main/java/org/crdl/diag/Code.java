package org.crdl.diag;

/**
 * Every diagnostic CRDL can report, with its code and message template ({0}, {1}, … are
 * filled in by {@link Diagnostic#of}). Codes are stable: tests and users rely on them.
 * E00xx lexical/syntax, E01xx units, E02xx names, E03xx dimensions and types,
 * E04xx law kinds and model structure, W05xx physics warnings.
 */
public enum Code {
    // ---- lexical and syntax ----
    SYNTAX("E0001", "{0}"),
    UNTERMINATED_STRING("E0002", "unterminated string: add a closing '\"' before the end of the line"),
    UNTERMINATED_COMMENT("E0003", "unterminated comment: '/*' has no matching '*/'"),
    BAD_CHARACTER("E0004", "unexpected character {0}"),
    BAD_ESCAPE("E0005", "unknown escape {0} in string: only \\\" \\\\ \\n \\t are allowed"),
    NOT_UTF8("E0006", "file is not valid UTF-8 text (bad byte 0x{0} at offset {1})"),
    EMPTY_FILE("E0007", "file has no declarations: expected model, use, param, let, phase, damping, source, scattering, galaxy, environment or observe"),
    TOO_DEEP("E0008", "nesting is too deep ({0} levels; at most {1})"),
    TOO_MANY_ERRORS("E0009", "too many errors in this file ({0}); stopping here"),
    UNREADABLE("E0010", "cannot read {0}: {1}"),
    NAME_TOO_LONG("E0011", "name is too long ({0} characters; at most {1})"),
    BAD_NUMBER("E0012", "number {0} is out of range for a double"),
    POWER_OPERATOR("E0013", "''**'' is not an operator in CRDL: did you mean ^ (as in x^2)?"),
    TOO_LONG("E0014", "expression is too long (more than {0} operators); split it into lets"),

    // ---- units ----
    UNKNOWN_UNIT("E0101", "unknown unit [{0}]{1}"),
    BAD_UNIT_NUMBER("E0102", "only 1 may appear as a number inside a unit, as in [1/s]; found {0}"),
    BAD_UNIT_EXPONENT("E0103", "unit exponent {0} is not a simple fraction; write e.g. cm^(1/2) or cm^-3"),

    // ---- names ----
    UNKNOWN_NAME("E0201", "unknown name ''{0}''{1}"),
    DUPLICATE("E0202", "''{0}'' is defined twice"),
    IMPORT_CYCLE("E0203", "import cycle: {0}"),
    IMPORT_NOT_FOUND("E0204", "cannot import \"{0}\": {1}"),
    RECURSIVE("E0205", "''{0}'' is defined in terms of itself: {1}"),
    UNKNOWN_DECLARATION("E0206", "unknown {0} ''{1}''{2}"),
    WRONG_LAW_KIND("E0207", "''{0}'' is a {1} law, but this list takes {2} laws"),
    UNKNOWN_FUNCTION("E0208", "unknown function ''{0}''{1}"),
    ARITY("E0209", "{0} takes {1}, found {2}"),
    SHADOWS_BUILTIN("E0210", "phase field ''{0}'' would hide the built-in {1} ''{0}''; choose another name"),
    DUPLICATE_FIELD("E0211", "field ''{0}'' is set twice in phase {1}"),

    // ---- dimensions and types ----
    ADD_DIMENSIONS("E0301", "cannot {0} [{1}] and [{2}]"),
    COMPARE_DIMENSIONS("E0302", "cannot compare [{0}] with [{1}]"),
    FUNCTION_NEEDS_DIMENSIONLESS("E0303", "{0} needs a dimensionless argument, found [{1}]"),
    EXPONENT_DIMENSION("E0304", "an exponent must be dimensionless, found [{0}]"),
    EXPONENT_NOT_CONSTANT("E0305", "the exponent of a dimensional base [{0}] must be a compile-time constant{1}"),
    EXPONENT_NOT_RATIONAL("E0306", "the exponent {0} of a dimensional base [{1}] is not a simple fraction"),
    BRANCH_DIMENSIONS("E0307", "if branches disagree: then-branch is [{0}], else-branch is [{1}]"),
    NOT_A_CONDITION("E0308", "expected a condition (a comparison such as a < b), found {0}"),
    NOT_A_QUANTITY("E0309", "expected a quantity, found {0}"),
    ARGUMENT_DIMENSIONS("E0310", "{0} needs arguments of one dimension, found [{1}] and [{2}]"),
    FIELD_DIMENSION("E0311", "field ''{0}'' has dimension [{1}], expected [{2}]{3}"),
    RANGE_DIMENSION("E0312", "range bound of ''{0}'' has dimension [{1}], but its value is [{2}]"),
    OUT_OF_RANGE("E0313", "{0} = {1} lies outside its declared range [{2}, {3}]{4}"),
    NOT_FINITE("E0314", "{0} evaluates to {1}; a constant must be finite"),
    PHYSICAL_DOMAIN("E0315", "{0} must be {1}, found {2}"),

    // ---- law kinds and model structure ----
    DAMPING_KIND("E0401", "damping law ''{0}'' must be a rate [s^-1], found [{1}]"),
    SOURCE_KIND("E0402", "source law ''{0}'' must be an energy density per time [erg cm^-3 s^-1], found [{1}]"),
    NU_KIND("E0403", "nu must be a rate [s^-1], found [{0}]"),
    NOT_CONSTANT("E0404", "{0} must be a compile-time constant{1}"),
    SCATTERING_SHAPE("E0405", "scattering block ''{0}'' {1}"),
    UNKNOWN_SETTING("E0406", "unknown setting ''{0}'' in a scattering block{1} (the settings are sources, damping, nu, D_xx, kappa, nu_hat and waves)"),
    FIELD_NEEDS_FIELD("E0407", "phase field ''{0}'' may not depend on {1}: fields are evaluated before the gyroresonance is known"),
    DIMENSIONLESS_SETTING("E0408", "{0} must be dimensionless, found [{1}]"),
    BAD_SETTING_VALUE("E0409", "{0}"),

    // ---- galaxy and observe blocks ----
    GALAXY_UNKNOWN_ITEM("E0601", "unknown {0} ''{1}''{2} ({3})"),
    GALAXY_MISSING_ITEM("E0602", "{0} needs {1}"),
    GALAXY_DIMENSION("E0603", "{0} must be [{1}], found [{2}]"),
    GALAXY_NOT_CONSTANT("E0604", "{0} must not depend on {1}"),
    GALAXY_UNKNOWN_SPECIES("E0605", "unknown species or element ''{0}''{1}"),
    GALAXY_BAD_VALUE("E0606", "{0}"),
    GALAXY_DUPLICATE_ITEM("E0607", "{0} is given twice"),

    // ---- expect statements (crdl test) ----
    EXPECT_DIMENSION("E0901", "{0} must be [{1}], found [{2}]"),
    EXPECT_FORM("E0902", "{0}"),
    // ---- structure declarations (butsky2024 patchy scattering) ----
    STRUCTURE_UNKNOWN_ITEM("E0701", "unknown item ''{0}'' in structure {1}{2} (the items are {3})"),
    STRUCTURE_MISSING("E0702", "structure {0} needs {1}"),
    STRUCTURE_CONFLICT("E0703", "structure {0} gives {1}: give exactly one {2}"),
    STRUCTURE_DIMENSION("E0704", "{0} of structure {1} must be [{2}], found [{3}]"),
    STRUCTURE_BAD_VALUE("E0705", "{0}"),
    STRUCTURE_BLOCK("E0706", "scattering block ''{0}'' {1}"),

    // ---- warnings ----
    SC_INSTABILITY("W0501", "self-confinement instability: source ''{0}'' has zeta_cr = {1} but no damping has xi_cr near 1, so the CR flux cannot respond to the CR energy (hopkins2022 Sec. 3.4, App. A)"),
    UNSATURATED("W0502", "unsaturated growth: source ''{0}'' has zeta_A = {1} >= 1 + xi_A for every damping law, so the wave energy has no equilibrium (hopkins2022 digest §2.7)"),
    DELTA_OUT_OF_RANGE("W0503", "predicted delta_s = {0} lies outside the observed range 0.3-0.8 (hopkins2022 L82, L255)"),
    SHADOWS("W0504", "''{0}'' hides the built-in {1} of the same name"),
    NO_REFERENCE("W0505", "{0}"),
    // V1-V10 of the butsky2024 digest §5.1: at compile time where the values are constant, else on the command's rigidity grid
    STRUCTURE_V1("W0511", "{0}"),
    STRUCTURE_V2("W0512", "{0}"),
    STRUCTURE_V3("W0513", "{0}"),
    STRUCTURE_V4("W0514", "{0}"),
    STRUCTURE_V5("W0515", "{0}"),
    STRUCTURE_V6("W0516", "{0}"),
    STRUCTURE_V7("W0517", "{0}"),
    STRUCTURE_V8("W0518", "{0}"),
    STRUCTURE_V9("W0519", "{0}"),
    STRUCTURE_V10("W0520", "{0}"),
    UNUSED("W0506", "{0} ''{1}'' is never read: nothing in the model uses its value (remove it, or use it where it was meant to act)"),

    // ---- notes attached to other diagnostics ----
    NOTE("note", "{0}");

    private final String id;
    private final String template;

    Code(String id, String template) {
        this.id = id;
        this.template = template;
    }

    public String id() {
        return id;
    }

    public String template() {
        return template;
    }

    public Severity severity() {
        return id.startsWith("E") ? Severity.ERROR : id.startsWith("W") ? Severity.WARNING : Severity.NOTE;
    }

    /** Fill the template; '' in templates is a literal quote (as in java.text.MessageFormat). */
    public String format(Object... args) {
        String s = template;
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s.replace("''", "'");
    }
}
