package fr.marelle.gateway.web.forms;

import fr.marelle.gateway.services.accounts.AccountsClient.Contact;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people to call in an emergency, and whether each may pick the children up (screen 8). Rows are added and
 * removed on the page before the list is saved whole; without JavaScript, adding or removing a row is a round trip
 * that keeps what was typed.
 */
public class ContactsForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** As many as accounts-service keeps. */
    public static final int MAX = 10;

    public List<Row> contacts = new ArrayList<>();

    public static class Row implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public String contactId = "";
        public String name = "";
        public String phone = "";
        public boolean canPickUpChildren;

        boolean isEmpty() {
            return FormErrors.isBlank(contactId) && FormErrors.isBlank(name) && FormErrors.isBlank(phone)
                    && !canPickUpChildren;
        }
    }

    public static List<Row> rows(List<Contact> contacts) {
        List<Row> rows = new ArrayList<>();
        for (Contact contact : contacts) {
            Row row = new Row();
            row.contactId = contact.contactId() == null ? "" : contact.contactId().toString();
            row.name = ProfileForm.orEmpty(contact.name());
            row.phone = ProfileForm.national(contact.phone());
            row.canPickUpChildren = contact.canPickUpChildren();
            rows.add(row);
        }
        return rows;
    }

    /** Rows left entirely blank are not people: they are dropped before checking and saving. */
    public void dropBlankRows() {
        dropBlankRows(contacts);
    }

    public boolean addRow() {
        return addRow(contacts);
    }

    public void check(FormErrors errors) {
        check(contacts, errors);
    }

    public List<Map<String, Object>> toRequest() {
        return toRequest(contacts);
    }

    public static void dropBlankRows(List<Row> contacts) {
        contacts.removeIf(row -> row == null || row.isEmpty());
    }

    public static boolean addRow(List<Row> contacts) {
        if (contacts.size() >= MAX) {
            return false;
        }
        contacts.add(new Row());
        return true;
    }

    public static void removeRow(List<Row> contacts, int index) {
        if (index >= 0 && index < contacts.size()) {
            contacts.remove(index);
        }
    }

    /** The rows' names are the service's: {@code contacts[1].phone}. */
    public static void check(List<Row> contacts, FormErrors errors) {
        for (int i = 0; i < contacts.size(); i++) {
            Row row = contacts.get(i);
            String prefix = "contacts[" + i + "].";
            errors.required(prefix + "name", row.name, "error.contact.name.required");
            errors.maxLength(prefix + "name", row.name, 200);
            if (errors.required(prefix + "phone", row.phone, "error.contact.phone.required")) {
                errors.phone(prefix + "phone", row.phone);
            }
        }
    }

    public static List<Map<String, Object>> toRequest(List<Row> contacts) {
        List<Map<String, Object>> request = new ArrayList<>();
        for (Row row : contacts) {
            Map<String, Object> contact = new LinkedHashMap<>();
            if (!FormErrors.isBlank(row.contactId)) {
                contact.put("contactId", row.contactId.strip());
            }
            contact.put("name", ProfileForm.strip(row.name));
            contact.put("phone", ProfileForm.strip(row.phone));
            contact.put("canPickUpChildren", row.canPickUpChildren);
            request.add(contact);
        }
        return request;
    }
}
