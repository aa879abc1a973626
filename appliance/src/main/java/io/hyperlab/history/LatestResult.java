package io.hyperlab.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A metric's mean over the trials of the latest completed run that measured its test. */
public record LatestResult(String test, String metric, String unit, long runId, String label, double mean) {

    static List<LatestResult> query(Connection connection) throws SQLException {
        Map<String, Long> latestRunByTest = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT t.test, max(r.id) FROM runs r JOIN trials t ON t.run_id = r.id"
                 + " WHERE r.status = 'completed' GROUP BY t.test ORDER BY t.test")) {
            while (rs.next()) {
                latestRunByTest.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<LatestResult> results = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT m.metric, m.unit, r.label, avg(m.value) FROM runs r JOIN trials t ON t.run_id = r.id"
                + " JOIN measurements m ON m.trial_id = t.id WHERE r.id = ? AND t.test = ?"
                + " GROUP BY m.metric ORDER BY min(m.position)")) {
            for (Map.Entry<String, Long> latest : latestRunByTest.entrySet()) {
                select.setLong(1, latest.getValue());
                select.setString(2, latest.getKey());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        results.add(new LatestResult(latest.getKey(), rs.getString(1), rs.getString(2), latest.getValue(),
                            rs.getString(3), rs.getDouble(4)));
                    }
                }
            }
        }
        return results;
    }
}
