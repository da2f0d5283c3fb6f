package fr.marelle.notification.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The days of one planning submission, per child and service, as the {@code summary} parameter of
 * {@link MessageTemplate#BOOKINGS_CONFIRMED} carries them (JSON, since parameters are text): what a parent reads to
 * check what they booked.
 */
public final class BookingSummary {

    /** One child on one service: the days booked and those on the waiting list, in order. */
    public record Entry(String childName, String serviceName, List<LocalDate> booked, List<LocalDate> waitlisted) {

        public Entry {
            booked = booked == null ? List.of() : List.copyOf(booked);
            waitlisted = waitlisted == null ? List.of() : List.copyOf(waitlisted);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {
    };

    private BookingSummary() {
    }

    public static String write(List<Entry> entries) {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries of a summary; none for a blank or unreadable one (the email then links to the planning). */
    public static List<Entry> read(String summary) {
        if (summary == null || summary.isBlank()) {
            return List.of();
        }
        try {
            return new ArrayList<>(JSON.readValue(summary, ENTRIES));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
