package concord.server.config;

/** Where an outcome's domain (the heading it is grouped under in reports) is read from. */
public enum DomainSource {
    /** The field annotation {@code @CONCORD-DOMAIN="Pain"}. */
    ANNOTATION,
    /** The nearest section header above the field. */
    SECTION_HEADER,
    /** The field's matrix group name. */
    MATRIX_GROUP,
    /** No domains: every outcome under one heading. */
    NONE
}
