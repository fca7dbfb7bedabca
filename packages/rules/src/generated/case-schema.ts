/* Generated from packages/rules/schemas/case.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `pnpm generate:types`. */

export const caseSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://masdrill.invalid/schemas/case.schema.json",
  "title": "Case",
  "description": "One synthetic or authored patient. Lab values are in the analyte's canonical unit (see the analyte registry) unless `units` names another system; a field that is absent was not assessed, never normal.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "schemaVersion",
    "id",
    "provenance",
    "patient",
    "background",
    "encounter",
    "observations",
    "labs",
    "investigations"
  ],
  "properties": {
    "schemaVersion": {
      "const": 1
    },
    "units": {
      "description": "The unit system of the lab values and reference ranges: canonical (each analyte's canonical unit, as this schema describes), conventional or si (see the analyte registry). Absent: not stated; readers assume canonical unless told otherwise (masdrill --units).",
      "enum": [
        "canonical",
        "conventional",
        "si"
      ]
    },
    "id": {
      "type": "string",
      "minLength": 1,
      "maxLength": 120,
      "pattern": "^[A-Za-z0-9._:-]+$"
    },
    "title": {
      "type": "string",
      "description": "A short human title for authored cases."
    },
    "provenance": {
      "$ref": "#/definitions/Provenance"
    },
    "patient": {
      "$ref": "#/definitions/Patient"
    },
    "background": {
      "$ref": "#/definitions/Background"
    },
    "encounter": {
      "$ref": "#/definitions/Encounter"
    },
    "observations": {
      "description": "Clinical findings and vital signs over time, hours from presentation.",
      "type": "array",
      "items": {
        "$ref": "#/definitions/Observation"
      }
    },
    "labs": {
      "description": "Laboratory panels over time, hours from presentation (negative hours = before presentation, e.g. a pre-MAS baseline).",
      "type": "array",
      "items": {
        "$ref": "#/definitions/LabPanel"
      }
    },
    "labReferenceRanges": {
      "description": "The reporting laboratory's own reference limits, in canonical units. Definitions that say 'above normal' or 'per local laboratory reference' read these first.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "crp": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "esr": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "procalcitonin": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "dDimer": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "inr": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "troponin": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "bnp": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "ntProBnp": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "ferritin": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "ldh": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "fibrinogen": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "anc": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "alc": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "albumin": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "ast": {
          "$ref": "#/definitions/ReferenceLimits"
        },
        "alt": {
          "$ref": "#/definitions/ReferenceLimits"
        }
      }
    },
    "investigations": {
      "$ref": "#/definitions/Investigations"
    },
    "truth": {
      "$ref": "#/definitions/GroundTruth"
    }
  },
  "definitions": {
    "Provenance": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "source"
      ],
      "properties": {
        "source": {
          "enum": [
            "generated",
            "authored"
          ]
        },
        "seed": {
          "type": "integer",
          "minimum": 0,
          "maximum": 4294967295
        },
        "index": {
          "type": "integer",
          "minimum": 0
        },
        "generatorVersion": {
          "type": "string"
        },
        "difficulty": {
          "enum": [
            "standard",
            "hard"
          ]
        },
        "author": {
          "type": "string"
        },
        "reference": {
          "type": "string",
          "description": "Where an authored case comes from (a guideline statement ID, a citation)."
        }
      }
    },
    "Patient": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "ageYears",
        "sex"
      ],
      "properties": {
        "ageYears": {
          "type": "number",
          "minimum": 0,
          "maximum": 21,
          "description": "Age at presentation in years (a 3-week-old is 0.0575)."
        },
        "sex": {
          "enum": [
            "female",
            "male"
          ]
        },
        "weightKg": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 250
        },
        "heightCm": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 230
        },
        "gestationalAgeWeeks": {
          "type": "number",
          "minimum": 20,
          "maximum": 45
        }
      }
    },
    "Background": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "sjia"
      ],
      "properties": {
        "sjia": {
          "enum": [
            "known",
            "suspected",
            "none"
          ],
          "description": "Systemic JIA: known (diagnosed before this episode), suspected (this may be its onset), or none."
        },
        "sjiaDurationYears": {
          "type": "number",
          "minimum": 0
        },
        "immunosuppressiveTherapy": {
          "description": "Current long-term immunosuppressive or cytokine-directed therapy.",
          "type": "array",
          "items": {
            "enum": [
              "glucocorticoid",
              "cyclosporine",
              "tacrolimus",
              "azathioprine",
              "methotrexate",
              "mycophenolate",
              "anakinra",
              "canakinumab",
              "tocilizumab",
              "other"
            ]
          },
          "uniqueItems": true
        },
        "hivPositive": {
          "type": "boolean"
        },
        "sarsCov2": {
          "$ref": "#/definitions/SarsCov2Evidence"
        },
        "maternalAutoimmuneDisease": {
          "type": "boolean",
          "description": "For a newborn: the mother has an autoimmune disease."
        },
        "birthHospitalization": {
          "type": "boolean",
          "description": "This encounter is the birth hospitalization (Phoenix excludes it)."
        },
        "otherConditions": {
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    },
    "SarsCov2Evidence": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "rnaOrAntigen": {
          "enum": [
            "positive",
            "negative",
            "not-tested"
          ],
          "description": "RT-PCR or antigen, up to 60 days before or during this hospitalization."
        },
        "serology": {
          "enum": [
            "positive",
            "negative",
            "not-tested"
          ],
          "description": "SARS-CoV-2-specific antibodies associated with the current illness (not from vaccination)."
        },
        "closeContact": {
          "enum": [
            "yes",
            "no",
            "unknown"
          ],
          "description": "Close contact with a confirmed or probable COVID-19 case."
        },
        "contactDaysBeforeHospitalization": {
          "type": "number",
          "minimum": 0
        },
        "severeRespiratoryCovid19": {
          "type": "boolean"
        }
      }
    },
    "Encounter": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "hospitalized": {
          "type": "boolean"
        },
        "died": {
          "type": "boolean"
        },
        "suspectedInfection": {
          "type": "boolean",
          "description": "Systemic antimicrobials and microbiological testing within the first 24 h (the Phoenix operational definition)."
        },
        "moreLikelyAlternativeDiagnosis": {
          "type": [
            "string",
            "null"
          ],
          "minLength": 1,
          "description": "A documented alternative diagnosis that explains the illness better (MIS-C definitions exclude); null = assessed and none; absent = not assessed."
        },
        "knownHlhGeneticDiagnosis": {
          "type": "boolean",
          "description": "A molecular diagnosis consistent with HLH (HLH-2004 arm A)."
        }
      }
    },
    "Observation": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "hour"
      ],
      "properties": {
        "hour": {
          "type": "number",
          "minimum": -8760,
          "maximum": 8760
        },
        "temperatureC": {
          "type": "number",
          "minimum": 25,
          "maximum": 45,
          "description": "Highest temperature since the previous observation."
        },
        "feverDays": {
          "type": "number",
          "minimum": 0,
          "description": "Days of fever ≥38.0 °C so far (documented or subjective)."
        },
        "subjectiveFever": {
          "type": "boolean"
        },
        "hepatomegaly": {
          "type": "boolean"
        },
        "splenomegaly": {
          "type": "boolean"
        },
        "lymphadenopathy": {
          "type": "boolean"
        },
        "activeArthritis": {
          "type": "boolean"
        },
        "rash": {
          "type": "boolean"
        },
        "conjunctivitis": {
          "type": "boolean",
          "description": "Bilateral non-purulent conjunctivitis or conjunctival injection."
        },
        "mucosalChanges": {
          "type": "boolean",
          "description": "Oral mucosal inflammation: erythema or swelling, dry or fissured lips, strawberry tongue."
        },
        "extremityChanges": {
          "type": "boolean",
          "description": "Erythema or oedema of hands or feet."
        },
        "giSymptoms": {
          "type": "boolean",
          "description": "Abdominal pain, vomiting or diarrhoea."
        },
        "cnsInvolvement": {
          "type": "boolean",
          "description": "Irritability, disorientation, lethargy, headache, seizures or coma."
        },
        "gcs": {
          "type": "integer",
          "minimum": 3,
          "maximum": 15
        },
        "pupils": {
          "enum": [
            "both-reactive",
            "one-fixed",
            "both-fixed"
          ]
        },
        "hemorrhage": {
          "type": "boolean"
        },
        "shock": {
          "type": "boolean",
          "description": "Clinician-documented shock."
        },
        "vasoactiveCount": {
          "type": "integer",
          "minimum": 0,
          "maximum": 6,
          "description": "Number of distinct vasoactive drugs running (dobutamine, dopamine, epinephrine, milrinone, norepinephrine, vasopressin)."
        },
        "respiratorySupport": {
          "enum": [
            "none",
            "oxygen",
            "noninvasive",
            "invasive"
          ]
        },
        "fio2": {
          "type": "number",
          "minimum": 0.21,
          "maximum": 1
        },
        "spo2": {
          "type": "number",
          "minimum": 0,
          "maximum": 100
        },
        "pao2": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 700
        },
        "sbp": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 300
        },
        "dbp": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 250
        },
        "heartRate": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 350
        },
        "respiratoryRate": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 150
        }
      }
    },
    "LabPanel": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "hour"
      ],
      "properties": {
        "hour": {
          "type": "number",
          "minimum": -8760,
          "maximum": 8760
        },
        "hemoglobin": {
          "type": "number",
          "minimum": 0,
          "description": "g/dL"
        },
        "wbc": {
          "type": "number",
          "minimum": 0,
          "description": "×10⁹/L"
        },
        "anc": {
          "type": "number",
          "minimum": 0,
          "description": "×10⁹/L"
        },
        "alc": {
          "type": "number",
          "minimum": 0,
          "description": "×10⁹/L"
        },
        "platelets": {
          "type": "number",
          "minimum": 0,
          "description": "×10⁹/L"
        },
        "ferritin": {
          "type": "number",
          "minimum": 0,
          "description": "ng/mL (= µg/L)"
        },
        "ast": {
          "type": "number",
          "minimum": 0,
          "description": "U/L"
        },
        "alt": {
          "type": "number",
          "minimum": 0,
          "description": "U/L"
        },
        "ldh": {
          "type": "number",
          "minimum": 0,
          "description": "U/L"
        },
        "triglycerides": {
          "type": "number",
          "minimum": 0,
          "description": "mg/dL"
        },
        "triglyceridesFasting": {
          "type": "boolean"
        },
        "fibrinogen": {
          "type": "number",
          "minimum": 0,
          "description": "mg/dL"
        },
        "esr": {
          "type": "number",
          "minimum": 0,
          "description": "mm/h"
        },
        "crp": {
          "type": "number",
          "minimum": 0,
          "description": "mg/L"
        },
        "procalcitonin": {
          "type": "number",
          "minimum": 0,
          "description": "ng/mL"
        },
        "sodium": {
          "type": "number",
          "minimum": 0,
          "description": "mmol/L"
        },
        "albumin": {
          "type": "number",
          "minimum": 0,
          "description": "g/dL"
        },
        "dDimer": {
          "type": "number",
          "minimum": 0,
          "description": "mg/L FEU"
        },
        "inr": {
          "type": "number",
          "minimum": 0
        },
        "lactate": {
          "type": "number",
          "minimum": 0,
          "description": "mmol/L"
        },
        "troponin": {
          "type": "number",
          "minimum": 0,
          "description": "ng/L (high-sensitivity troponin)"
        },
        "bnp": {
          "type": "number",
          "minimum": 0,
          "description": "pg/mL"
        },
        "ntProBnp": {
          "type": "number",
          "minimum": 0,
          "description": "pg/mL"
        },
        "sCd25": {
          "type": "number",
          "minimum": 0,
          "description": "U/mL"
        },
        "il18": {
          "type": "number",
          "minimum": 0,
          "description": "pg/mL"
        },
        "cxcl9": {
          "type": "number",
          "minimum": 0,
          "description": "pg/mL"
        },
        "nkCellActivity": {
          "enum": [
            "normal",
            "low",
            "absent"
          ],
          "description": "Against the reporting laboratory's reference."
        }
      }
    },
    "ReferenceLimits": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "lower": {
          "type": "number"
        },
        "upper": {
          "type": "number"
        }
      }
    },
    "Investigations": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "boneMarrow": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "hour",
              "hemophagocytosis"
            ],
            "properties": {
              "hour": {
                "type": "number"
              },
              "hemophagocytosis": {
                "type": "boolean"
              },
              "malignancy": {
                "type": "boolean"
              }
            }
          }
        },
        "echo": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "hour"
            ],
            "properties": {
              "hour": {
                "type": "number"
              },
              "lvefPercent": {
                "type": "number",
                "minimum": 0,
                "maximum": 100
              },
              "coronaryZMax": {
                "type": "number",
                "minimum": -10,
                "maximum": 60,
                "description": "Largest coronary artery z-score."
              },
              "pericardialEffusion": {
                "type": "boolean"
              },
              "valvulitis": {
                "type": "boolean"
              }
            }
          }
        },
        "cultures": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "hour",
              "specimen",
              "result"
            ],
            "properties": {
              "hour": {
                "type": "number"
              },
              "specimen": {
                "enum": [
                  "blood",
                  "urine",
                  "csf",
                  "respiratory",
                  "other"
                ]
              },
              "result": {
                "enum": [
                  "positive",
                  "negative",
                  "pending"
                ]
              },
              "organism": {
                "type": "string",
                "minLength": 1
              }
            }
          }
        },
        "viralTests": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "hour",
              "virus",
              "method",
              "result"
            ],
            "properties": {
              "hour": {
                "type": "number"
              },
              "virus": {
                "enum": [
                  "EBV",
                  "CMV",
                  "adenovirus",
                  "SARS-CoV-2",
                  "influenza",
                  "HHV-6",
                  "parvovirus-B19",
                  "enterovirus",
                  "other"
                ]
              },
              "method": {
                "enum": [
                  "pcr",
                  "antigen",
                  "serology"
                ]
              },
              "result": {
                "enum": [
                  "positive",
                  "negative",
                  "pending"
                ]
              },
              "quantity": {
                "type": "number",
                "minimum": 0,
                "description": "Copies/mL where quantitative."
              }
            }
          }
        }
      }
    },
    "GroundTruth": {
      "description": "What the generator (or the case author) made this patient to be. Never read by the criteria.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind",
        "subtype",
        "masPresent"
      ],
      "properties": {
        "kind": {
          "enum": [
            "mas",
            "sjia-flare",
            "sepsis",
            "misc"
          ]
        },
        "subtype": {
          "enum": [
            "sjia-onset-mas",
            "known-sjia-mas",
            "infection-triggered-mas-in-sjia",
            "infection-triggered-mas-previously-well",
            "neonatal-mas",
            "sjia-flare",
            "bacterial-sepsis",
            "septic-shock",
            "hyperferritinemic-sepsis",
            "misc",
            "misc-with-mas"
          ]
        },
        "masPresent": {
          "type": "boolean"
        },
        "trigger": {
          "enum": [
            "active-sjia",
            "EBV",
            "CMV",
            "adenovirus",
            "other-virus",
            "bacterial",
            "SARS-CoV-2",
            "maternal-autoimmunity",
            "none"
          ]
        },
        "severity": {
          "enum": [
            "moderate",
            "severe",
            "critical"
          ]
        },
        "cnsInvolvement": {
          "type": "boolean"
        },
        "hemorrhage": {
          "type": "boolean"
        },
        "notes": {
          "type": "string"
        }
      }
    }
  }
} as const;
