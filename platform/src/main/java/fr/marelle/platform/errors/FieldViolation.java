package fr.marelle.platform.errors;

/**
 * One invalid field: its name as sent, a stable code, and a French message fit to show next to the field.
 */
public record FieldViolation(String field, String code, String message) {
}
