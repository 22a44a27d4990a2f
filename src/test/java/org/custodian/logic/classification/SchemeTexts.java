package org.custodian.logic.classification;

/** Scheme files for the tests: one valid, one with five mistakes at known lines. */
public final class SchemeTexts {

    private SchemeTexts() {
    }

    /** A valid two-level scheme. */
    public static final String CUSTOM = """
            scheme: water-supplies
            name:
              en: Water Supplies Scheme
              zh: 水務署分級
            levels:
              - code: public
                label: {en: PUBLIC, zh: 公開}
                colour: "#1A7F37"
                marking: PUBLIC
                handling:
                  encryption_at_rest: false
                  open_data: true
                  mechanisms: [api, gateway]
                  classification_review: P3Y
                  access_review: none
                  downgrade_approval: false
              - code: INTERNAL
                label: {en: INTERNAL, zh: 內部}
                colour: "#cf222e"
                marking: INTERNAL 內部
                handling:
                  encryption_at_rest: true
                  open_data: false
                  mechanisms: [secure-file-transfer]
                  classification_review: P18M
                  access_review: P6M
                  downgrade_approval: true
            """;

    /**
     * The custom scheme with five mistakes: line 19 colour "red", line 20 an unknown key colur, line 25 the
     * mechanism fax, line 26 the interval P10D, and a third level (line 30) whose code repeats line 6's.
     */
    public static final String BROKEN = """
            scheme: water-supplies
            name:
              en: Water Supplies Scheme
              zh: 水務署分級
            levels:
              - code: PUBLIC
                label: {en: PUBLIC, zh: 公開}
                colour: "#1a7f37"
                marking: PUBLIC
                handling:
                  encryption_at_rest: false
                  open_data: true
                  mechanisms: [api, gateway]
                  classification_review: P3Y
                  access_review: none
                  downgrade_approval: false
              - code: INTERNAL
                label: {en: INTERNAL, zh: 內部}
                colour: red
                colur: "#cf222e"
                marking: INTERNAL 內部
                handling:
                  encryption_at_rest: true
                  open_data: false
                  mechanisms: [secure-file-transfer, fax]
                  classification_review: P10D
                  access_review: P6M
                  downgrade_approval: true
              - label: {en: AGAIN, zh: 再次}
                code: public
                colour: "#000000"
                marking: AGAIN
                handling:
                  encryption_at_rest: true
                  open_data: false
                  mechanisms: []
                  classification_review: P1Y
                  access_review: P1Y
                  downgrade_approval: true
            """;
}
