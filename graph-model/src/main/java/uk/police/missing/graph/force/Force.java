package uk.police.missing.graph.force;

/** A police force, by its three-letter code. */
public record Force(String code, String name, String country) {}
