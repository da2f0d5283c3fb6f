package fr.marelle.children.document;

/** A sent document: waiting for staff, approved (then possibly expired), or refused with a reason. */
public enum DocumentStatus { SUBMITTED, APPROVED, REJECTED, EXPIRED }
