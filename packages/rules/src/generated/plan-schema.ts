/* Generated from packages/rules/schemas/plan.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `pnpm generate:types`. */

export const planSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://masdrill.invalid/schemas/plan.schema.json",
  "title": "Plan",
  "description": "A trainee's management plan for one case at one decision point: the leading diagnosis, the actions with doses and start hours, and how often the patient is reassessed. Hours count from presentation. Education and simulation only.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "schemaVersion",
    "diagnosis",
    "actions"
  ],
  "properties": {
    "schemaVersion": {
      "const": 1
    },
    "caseId": {
      "type": "string",
      "minLength": 1,
      "maxLength": 120,
      "description": "The case this plan answers (checked against the case when given)."
    },
    "stage": {
      "$ref": "#/definitions/Stage"
    },
    "decisionHour": {
      "type": "number",
      "minimum": 0,
      "maximum": 8760,
      "description": "The hour from presentation at which the plan is made (default 0 at presentation). Timing windows run from here."
    },
    "diagnosis": {
      "$ref": "#/definitions/Diagnosis"
    },
    "actions": {
      "type": "array",
      "maxItems": 200,
      "items": {
        "$ref": "#/definitions/PlannedAction"
      }
    },
    "reassessEveryHours": {
      "type": "number",
      "exclusiveMinimum": 0,
      "maximum": 720,
      "description": "Planned interval between clinical reassessments, in hours (shorthand for a \"reassessment\" action)."
    },
    "notes": {
      "type": "string"
    }
  },
  "definitions": {
    "Stage": {
      "description": "presentation: the first plan for a newly presenting patient (and any reassessment without an inadequate response to treatment given); steroid-inadequate: a reassessment at which MAS has not responded to a high-dose glucocorticoid alone (CSA-1: add cyclosporine A); refractory: a reassessment at which MAS (or MIS-C) has not responded to first-line combination therapy.",
      "enum": [
        "presentation",
        "steroid-inadequate",
        "refractory"
      ]
    },
    "DiagnosisId": {
      "enum": [
        "mas",
        "sjia-flare",
        "sepsis",
        "septic-shock",
        "misc",
        "misc-with-mas",
        "primary-hlh",
        "other"
      ]
    },
    "Diagnosis": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "leading"
      ],
      "properties": {
        "leading": {
          "$ref": "#/definitions/DiagnosisId"
        },
        "differential": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/DiagnosisId"
          },
          "uniqueItems": true
        }
      }
    },
    "ActionId": {
      "description": "An action from the catalogue in @masdrill/rules (ACTIONS).",
      "enum": [
        "methylprednisolone-pulse",
        "methylprednisolone-low-moderate",
        "dexamethasone",
        "cyclosporine",
        "anakinra",
        "ivig",
        "tocilizumab",
        "emapalumab",
        "ruxolitinib",
        "baricitinib",
        "etoposide",
        "etanercept",
        "infliximab",
        "aspirin",
        "enoxaparin-therapeutic",
        "empirical-antibiotics",
        "antiviral-therapy",
        "pjp-prophylaxis",
        "opportunistic-infection-surveillance",
        "fluid-bolus",
        "vasoactive-infusion",
        "icu-admission",
        "multidisciplinary-consult",
        "reassessment",
        "monitor-mas-labs",
        "monitor-cardiac-markers",
        "ekg",
        "bone-marrow-exam",
        "scd25",
        "nk-cell-activity",
        "blood-cultures",
        "viral-pcr",
        "echocardiogram",
        "lumbar-puncture",
        "brain-mri"
      ]
    },
    "PlannedAction": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "action",
        "atHour"
      ],
      "properties": {
        "action": {
          "$ref": "#/definitions/ActionId"
        },
        "atHour": {
          "type": "number",
          "minimum": 0,
          "maximum": 8760,
          "description": "When the action starts, in hours from presentation."
        },
        "dose": {
          "$ref": "#/definitions/Dose"
        },
        "everyHours": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 720,
          "description": "For monitoring and reassessment: the planned interval in hours."
        },
        "note": {
          "type": "string"
        }
      }
    },
    "DoseUnit": {
      "description": "Units without \"/day\" are per dose (\"2 g/kg\" once, \"12 mg/kg\" every 2 weeks); \"/day\" units are the total per dosing day, split by the frequency.",
      "enum": [
        "mg/kg",
        "mg/kg/day",
        "g/kg",
        "g/kg/day",
        "mg/m2",
        "mg/m2/day",
        "mg",
        "mg/day",
        "g",
        "g/day",
        "mL/kg",
        "mcg/kg/min"
      ]
    },
    "Frequency": {
      "enum": [
        "once",
        "q4h",
        "q6h",
        "q8h",
        "q12h",
        "q24h",
        "q48h",
        "q3d",
        "twice-weekly",
        "weekly",
        "q2w",
        "q12h-3-days-weekly",
        "continuous"
      ]
    },
    "Route": {
      "enum": [
        "iv",
        "po",
        "sc",
        "im",
        "inhaled",
        "other"
      ]
    },
    "Dose": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "amount",
        "unit",
        "frequency"
      ],
      "properties": {
        "amount": {
          "type": "number",
          "exclusiveMinimum": 0
        },
        "unit": {
          "$ref": "#/definitions/DoseUnit"
        },
        "frequency": {
          "$ref": "#/definitions/Frequency"
        },
        "route": {
          "$ref": "#/definitions/Route"
        },
        "durationDays": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 3650,
          "description": "Planned number of dosing days (e.g. 3 for a 3-day pulse; 2 for IVIG 1 g/kg/day × 2)."
        }
      }
    }
  }
} as const;
