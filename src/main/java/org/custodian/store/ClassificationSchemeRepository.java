package org.custodian.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.custodian.model.inventory.ClassificationLevel;

/** The levels of the workbench's classification scheme, lowest first. */
public final class ClassificationSchemeRepository {

    private final Database database;

    public ClassificationSchemeRepository(Database database) {
        this.database = database;
    }

    public List<ClassificationLevel> levels() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code, rank, name_en, name_tc, colour FROM classification_level ORDER BY rank");
                 ResultSet rs = ps.executeQuery()) {
                List<ClassificationLevel> levels = new ArrayList<>();
                while (rs.next()) {
                    levels.add(new ClassificationLevel(rs.getString(1), rs.getInt(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
                return levels;
            }
        });
    }
}
