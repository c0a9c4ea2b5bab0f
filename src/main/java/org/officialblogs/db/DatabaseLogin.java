package org.officialblogs.db;

/**
 * The user and password a server database (PostgreSQL) is opened with; both may be empty (SQLite needs none, and a
 * PostgreSQL URL may carry them itself). The password never appears in {@link #toString()}.
 */
public record DatabaseLogin(String user, String password) {

    public static final DatabaseLogin NONE = new DatabaseLogin("", "");

    public DatabaseLogin {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + ", password=" + (password.isEmpty() ? "" : "(set)") + "]";
    }
}
