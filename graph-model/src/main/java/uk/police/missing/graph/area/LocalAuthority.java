package uk.police.missing.graph.area;

/**
 * A children's services authority (an upper-tier local authority of England or Wales).
 *
 * @param code the ONS GSS code, e.g. {@code E08000025}
 * @param name the name as ONS writes it, e.g. {@code Birmingham}
 * @param country England or Wales
 * @param forceArea the code of the police force whose area covers it, e.g. {@code WMP}
 */
public record LocalAuthority(String code, String name, String country, String forceArea) {}
