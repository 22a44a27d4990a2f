package org.custodian.logic.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.custodian.model.inventory.DatasetColumn;

/**
 * Realistic bilingual dataset rows for benchmarks: titles and descriptions built from the subjects departments
 * keep registers about, spread over twenty departments, with the field mix of a real inventory. Seeded, so
 * every run measures the same data.
 */
public final class DatasetGenerator {

    static final String[][] SUBJECTS = {
            {"Traffic flow", "交通流量"}, {"Journey time", "行車時間"}, {"Hospital admissions", "醫院入院"},
            {"Clinic attendance", "診所求診"}, {"Air quality", "空氣質素"}, {"Water consumption", "用水量"},
            {"Public library loans", "公共圖書館借閱"}, {"Building plans", "建築圖則"}, {"Food licences", "食物牌照"},
            {"Public housing applications", "公共房屋申請"}, {"Rainfall", "雨量"}, {"Noise complaints", "噪音投訴"},
            {"Parking vacancies", "泊車位空置"}, {"Vessel arrivals", "船隻抵港"}, {"Visitor arrivals", "訪港旅客"},
            {"School places", "學位"}, {"Elderly care services", "安老服務"}, {"Slope maintenance", "斜坡維修"},
            {"Street lighting faults", "街燈故障"}, {"Tree inspections", "樹木巡查"}, {"Refuse collection", "垃圾收集"},
            {"Swimming pool usage", "游泳池使用"}, {"Sports centre bookings", "體育館預訂"},
            {"Land sales", "賣地"}, {"Tax returns", "報稅表"}, {"Immigration clearance", "出入境檢查"},
            {"Marriage registrations", "婚姻登記"}, {"Birth registrations", "出生登記"},
            {"Social security payments", "綜合社會保障援助金"}, {"Fire incidents", "火警事故"},
            {"Ambulance calls", "救護車召喚"}, {"Construction site safety", "建築地盤安全"},
            {"Drainage works", "渠務工程"}, {"Country park visitors", "郊野公園遊客"}, {"Fisheries catches", "漁獲"},
            {"Weather observations", "天氣觀測"}, {"Electricity consumption", "用電量"},
            {"Restaurant inspections", "食肆巡查"}, {"Pest control", "防治蟲鼠"}, {"Bus routes", "巴士路線"},
    };
    static final String[][] QUALIFIERS = {
            {"monthly statistics", "每月統計"}, {"by district", "按地區劃分"}, {"register", "登記冊"},
            {"inspection records", "巡查紀錄"}, {"annual report data", "年報數據"}, {"real-time feed", "實時數據"},
            {"case records", "個案紀錄"}, {"forecast", "預測"}, {"survey results", "調查結果"},
            {"summary by age group", "按年齡組別劃分摘要"},
    };
    static final String[] DEPARTMENTS = {"hk-td", "hk-dh", "hk-housing", "hk-epd", "hk-hko", "hk-censtatd", "hk-lcsd",
            "hk-fehd", "hk-swd", "hk-ird", "hk-immd", "hk-landsd", "hk-pland", "hk-afcd", "hk-wsd", "hk-emsd",
            "hk-bd", "hk-dsd", "hk-cedd", "hk-hyd"};
    static final String[] CATEGORIES = {"city-management", "climate-and-weather", "commerce-and-industry",
            "social-welfare", "development", "education", "environment", "finance", "food", "health", "housing",
            "law-and-security", "population", "recreation-and-culture", "transport"};
    static final String[] FORMATS = {"CSV", "JSON", "XLSX", "XML", "API", "PDF", "GeoJSON"};
    static final String[] FREQUENCIES = {"real-time", "daily", "weekly", "monthly", "quarterly", "annually",
            "irregular"};
    static final String[] LEVELS = {"UNCLASSIFIED", "UNCLASSIFIED", "UNCLASSIFIED", "RESTRICTED", "RESTRICTED",
            "CONFIDENTIAL"};
    static final String[] SURNAMES = {"Chan", "Wong", "Lee", "Cheung", "Lau", "Ho", "Ng", "Leung", "Tam", "Yip"};
    static final String[] GIVEN = {"Tai-man", "Siu-ming", "Ka-yan", "Wing-sze", "Chi-keung", "Mei-ling", "Hoi-yan",
            "Kwok-wai"};

    private DatasetGenerator() {
    }

    /** {@code n} rows in canonical column order ({@link DatasetColumn}). */
    public static List<String[]> rows(int n, long seed) {
        Random r = new Random(seed);
        // Encryption draws from its own sequence, so every other field is what it was before the field existed.
        Random encryption = new Random(seed ^ 0x5EC0DEL);
        List<String[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] subject = SUBJECTS[r.nextInt(SUBJECTS.length)];
            String[] qualifier = QUALIFIERS[r.nextInt(QUALIFIERS.length)];
            String department = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
            String prefix = department.substring(3).toUpperCase(java.util.Locale.ROOT);
            boolean personal = qualifier[0].contains("case") || subject[0].contains("registrations")
                    || r.nextInt(5) == 0;
            boolean published = !personal && r.nextInt(2) == 0;
            String surname = SURNAMES[r.nextInt(SURNAMES.length)];
            String given = GIVEN[r.nextInt(GIVEN.length)];
            String[] row = new String[DatasetColumn.values().length];
            row[DatasetColumn.CODE.ordinal()] = prefix + "-" + String.format("%06d", i + 1);
            row[DatasetColumn.TITLE_EN.ordinal()] = subject[0] + " " + qualifier[0] + " " + (2015 + r.nextInt(11));
            row[DatasetColumn.TITLE_TC.ordinal()] = subject[1] + qualifier[1];
            row[DatasetColumn.DESCRIPTION_EN.ordinal()] = subject[0] + " " + qualifier[0] + " kept by the department"
                    + " for planning and public reporting, compiled from operational records and checked"
                    + " before release.";
            row[DatasetColumn.DESCRIPTION_TC.ordinal()] = "部門為規劃及公眾匯報而備存的" + subject[1] + qualifier[1]
                    + "，資料取自日常運作紀錄並經核實後發布。";
            row[DatasetColumn.DEPARTMENT.ordinal()] = department;
            row[DatasetColumn.CUSTODIAN.ordinal()] = surname + " " + given + " (Statistical Officer)";
            row[DatasetColumn.CONTACT_EMAIL.ordinal()] = given.toLowerCase(java.util.Locale.ROOT).replace("-", "")
                    + "_" + surname.toLowerCase(java.util.Locale.ROOT) + "@" + prefix.toLowerCase(java.util.Locale.ROOT)
                    + ".gov.hk";
            row[DatasetColumn.CATEGORY.ordinal()] = CATEGORIES[r.nextInt(CATEGORIES.length)];
            row[DatasetColumn.KEYWORDS.ordinal()] = subject[0].toLowerCase(java.util.Locale.ROOT) + ";" + subject[1]
                    + ";" + qualifier[0];
            row[DatasetColumn.FORMATS.ordinal()] = FORMATS[r.nextInt(FORMATS.length)]
                    + (r.nextBoolean() ? ";" + FORMATS[r.nextInt(3)] : "");
            row[DatasetColumn.UPDATE_FREQUENCY.ordinal()] = FREQUENCIES[r.nextInt(FREQUENCIES.length)];
            row[DatasetColumn.SOURCE_SYSTEM.ordinal()] = prefix + " Operational Records System";
            row[DatasetColumn.CONTAINS_PERSONAL_DATA.ordinal()] = personal ? "yes" : "no";
            row[DatasetColumn.PERSONAL_DATA_CATEGORIES.ordinal()] = personal ? "name;HKID number;address" : null;
            row[DatasetColumn.CLASSIFICATION.ordinal()] = published ? "UNCLASSIFIED"
                    : personal ? "RESTRICTED" : LEVELS[r.nextInt(LEVELS.length)];
            row[DatasetColumn.OPEN_DATA_STATUS.ordinal()] = published ? "published" : r.nextInt(4) == 0 ? "planned"
                    : "not-planned";
            row[DatasetColumn.RETENTION.ordinal()] = r.nextInt(6) == 0 ? "permanent" : "P" + (1 + r.nextInt(10)) + "Y";
            row[DatasetColumn.CROSS_BOUNDARY.ordinal()] = r.nextInt(20) == 0 ? "yes" : "no";
            row[DatasetColumn.ENCRYPTION_AT_REST.ordinal()] = encryptionAtRest(
                    row[DatasetColumn.CLASSIFICATION.ordinal()], encryption);
            row[DatasetColumn.LIFECYCLE_STATUS.ordinal()] = r.nextInt(10) == 0 ? "retired" : "active";
            row[DatasetColumn.LANDING_PAGE.ordinal()] = published
                    ? "https://data.gov.hk/en-data/dataset/" + department + "-" + (i + 1) : null;
            row[DatasetColumn.LAST_UPDATED.ordinal()] = String.format("%d-%02d-%02d", 2019 + r.nextInt(7),
                    1 + r.nextInt(12), 1 + r.nextInt(28));
            rows.add(row);
        }
        return rows;
    }

    /**
     * About 2% not recorded; otherwise levels above UNCLASSIFIED are almost always encrypted (1 in 100 not, for the
     * findings to find) and UNCLASSIFIED ones a third of the time.
     */
    static String encryptionAtRest(String level, Random r) {
        int draw = r.nextInt(100);
        if (draw < 2) {
            return "not-recorded";
        }
        if (!"UNCLASSIFIED".equals(level)) {
            return draw < 3 ? "no" : "yes";
        }
        return draw < 35 ? "yes" : "no";
    }
}
