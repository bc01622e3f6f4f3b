/*
 * CRDL — Cosmic-Ray Description Language.
 *
 * One file is a sequence of declarations. Newlines are insignificant except that the
 * arguments of a generic directive (inside `galaxy { … }` and `observe …`) must start on
 * the directive's own line; this lets `species p, He, C` and `source sn { … }` sit on
 * consecutive lines without separators.
 *
 * The parser is generated at build time by antlr4-maven-plugin; it is never committed.
 */
grammar Crdl;

@parser::members {
    /** A directive argument continues the directive when it starts on the directive's line or follows a comma. */
    boolean sameLine(Token key) {
        return _input.LT(1).getLine() == key.getLine() || _input.LT(-1).getType() == COMMA;
    }
}

file
    : modelDecl? decl* EOF
    ;

// a lone expression (crdl eval)
exprOnly
    : expr EOF
    ;

modelDecl
    : MODEL name=NAME title=STRING?
    ;

decl
    : useDecl
    | paramDecl
    | letDecl
    | phaseDecl
    | lawDecl
    | scatteringDecl
    | galaxyDecl
    | environmentDecl
    | observeDecl
    | expectDecl
    | structureDecl
    ;

useDecl
    : USE path=STRING
    ;

paramDecl
    : PARAM name=NAME '=' value=expr (IN '[' lo=expr ',' hi=expr ']')?
    ;

letDecl
    : LET name=NAME '=' value=expr
    ;

phaseDecl
    : PHASE name=NAME (EXTENDS parent=NAME)? '{' fieldDef* '}'
    ;

fieldDef
    : name=NAME '=' value=expr
    ;

lawDecl
    : kind=(DAMPING | SOURCE) name=NAME '=' body=expr whereClause?
    ;

whereClause
    : WHERE binding (',' binding)*
    ;

binding
    : name=NAME '=' value=expr
    ;

scatteringDecl
    : SCATTERING name=NAME '{' scatteringItem* '}'
    ;

scatteringItem
    : SOURCES '='? nameList                       # scatteringSources
    | DAMPING '='? nameList                       # scatteringDamping
    | STRUCTURES '='? nameList                    # scatteringStructures
    | key=NAME '='? value=expr                    # scatteringSetting
    ;

nameList
    : NAME (',' NAME)*
    ;

// a population of patchy scattering structures (butsky2024): geometry, abundance, internal scattering
structureDecl
    : STRUCTURE name=NAME '{' structureItem* '}'
    ;

structureItem
    : key=itemKey IN '[' lo=expr ',' hi=expr ']'                  # structureRange
    | key=itemKey '=' value=expr                                  # structureSetting
    ;

// ---- generic blocks: meaning is given by the semantic passes, not the grammar ----

galaxyDecl
    : GALAXY name=NAME (EXTENDS parent=NAME)? block
    ;

// a turbulent environment for quasi-linear scattering (crdl turbulence); parsed generically
environmentDecl
    : ENVIRONMENT name=NAME block
    ;

observeDecl
    : OBSERVE target=expr (AGAINST STRING (',' STRING)*)? block?
    ;

block
    : '{' item* '}'
    ;

// ---- expect statements (crdl test): soft words (at, of, over, within, rates, run, …) are NAMEs checked by sema ----

expectDecl
    : EXPECT kind=NAME subject=NAME (IN phase=NAME)? atWord=NAME variable=NAME '=' at=additive
          ':' expectCheck (',' expectCheck)*                                                  # expectAt
    | EXPECT kind=NAME ofWord=NAME subject=NAME (IN phase=NAME)? overWord=NAME lo=additive '..' hi=additive
          expectBound                                                                         # expectOver
    | EXPECT kind=NAME subject=NAME ':' expectCheck (',' expectCheck)*                        # expectNamed
    ;

// `nu within …`, `xi_k = 1`, `chi2/N of B/C < 2`, `B/C at 10 [GeV] within 5 % of 0.2`
expectCheck
    : quantity=additive (word=NAME argument=additive)? (AGAINST STRING)? expectBound
    ;

expectBound
    : within=NAME lo=additive '..' hi=additive                                                # boundRange
    | within=NAME tolerance=additive percent='%'? ofWord=NAME reference=additive              # boundNear
    | op=('<' | '<=' | '>' | '>=' | '=' | '==') value=additive                                # boundCompare
    ;

item
    : key=itemKey '=' value=expr                                  # assignItem
    | key=itemKey ({sameLine($key.start)}? expr ','?)* block?     # directiveItem
    ;

// block keywords may also be used as keys of generic items (e.g. `source sn { … }`)
itemKey
    : NAME | SOURCE | DAMPING | SCATTERING | PHASE | SOURCES
    ;

// ---- expressions (precedence from loosest to tightest) ----

expr
    : IF cond=expr THEN yes=expr ELSE no=expr                     # conditional
    | orExpr                                                      # plain
    ;

orExpr
    : andExpr (OR andExpr)*
    ;

andExpr
    : notExpr (AND notExpr)*
    ;

notExpr
    : NOT notExpr                                                 # negation
    | comparison                                                  # notPlain
    ;

comparison
    : additive (op=('<' | '<=' | '>' | '>=' | '==' | '!=') additive)?
    ;

additive
    : multiplicative (ops+=('+' | '-') multiplicative)*
    ;

multiplicative
    : unary (ops+=('*' | '/') unary)*
    ;

unary
    : op=('-' | '+') unary                                        # signed
    | power                                                       # unsigned
    ;

// `^` binds tighter than unary minus on its left (-x^2 = -(x^2)) and is right-associative
power
    : base=primary ('^' exponent=unary)?
    ;

primary
    : NUMBER unit?                                                # quantity
    | NAME '(' (expr (',' expr)*)? ')'                            # call
    | NAME                                                        # nameRef
    | STRING                                                      # string
    | '(' expr ')'                                                # parens
    ;

// ---- units: only inside brackets right after a number ----

unit
    : '[' unitProduct ']'
    ;

unitProduct
    : first=unitFactor unitTail*
    ;

// juxtaposition multiplies: [g cm^-3]
unitTail
    : op=('*' | '/')? unitFactor
    ;

unitFactor
    : NAME ('^' unitExponent)?                                    # namedUnit
    | NUMBER                                                      # unitOne
    | '(' unitProduct ')' ('^' unitExponent)?                     # groupedUnit
    ;

unitExponent
    : sign='-'? NUMBER
    | '(' sign='-'? num=NUMBER '/' den=NUMBER ')'
    ;

// ---- lexer ----

MODEL      : 'model';
USE        : 'use';
PARAM      : 'param';
LET        : 'let';
IN         : 'in';
PHASE      : 'phase';
EXTENDS    : 'extends';
DAMPING    : 'damping';
SOURCE     : 'source';
SOURCES    : 'sources';
WHERE      : 'where';
SCATTERING : 'scattering';
GALAXY     : 'galaxy';
ENVIRONMENT : 'environment';
OBSERVE    : 'observe';
STRUCTURE  : 'structure';
STRUCTURES : 'structures';
AGAINST    : 'against';
EXPECT     : 'expect';
IF         : 'if';
THEN       : 'then';
ELSE       : 'else';
AND        : 'and';
OR         : 'or';
NOT        : 'not';

NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

NAME
    : [a-zA-Z_\u00B5\u03BC] [a-zA-Z_0-9]*      // µ/μ only for units such as [μG]
    ;

STRING
    : '"' (~["\\\r\n] | '\\' ["\\nt])* '"'
    ;

UNTERMINATED_STRING
    : '"' (~["\\\r\n] | '\\' ["\\nt])*
    ;

BAD_ESCAPE_STRING
    : '"' (~["\\\r\n] | '\\' .)* '"'
    ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
// a '/*' with no '*/' anywhere after it (never matches a closed comment)
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF;
WS            : [ \t\r\n\f]+ -> channel(HIDDEN);

LPAREN : '(';
RPAREN : ')';
LBRACK : '[';
RBRACK : ']';
LBRACE : '{';
RBRACE : '}';
COMMA  : ',';
ASSIGN : '=';
PLUS   : '+';
MINUS  : '-';
STAR   : '*';
SLASH  : '/';
CARET  : '^';
LT     : '<';
LE     : '<=';
GT     : '>';
GE     : '>=';
EQ     : '==';
NE     : '!=';
COLON  : ':';
DOTDOT : '..';
PERCENT : '%';

fragment DIGITS   : [0-9]+;
fragment EXPONENT : [eE] [+-]? DIGITS;

// anything else is one bad character; the parser front end turns it into a diagnostic
BAD_CHAR : . ;
