/* Generated from packages/rules/schemas/score-report.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `pnpm generate:types`. */

export const scoreReportSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://masdrill.invalid/schemas/score-report.schema.json",
  "title": "ScoreReport",
  "description": "The judgement of one plan against the guideline for one case: overall 0-100, components, the formula used, and feedback items each resting on a guideline statement ID or a citation. Education and simulation only.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "schemaVersion",
    "caseId",
    "stage",
    "decisionHour",
    "overall",
    "rawOverall",
    "capped",
    "components",
    "formula",
    "caseReading",
    "expected",
    "feedback",
    "disclaimer"
  ],
  "properties": {
    "schemaVersion": {
      "const": 1
    },
    "caseId": {
      "type": "string"
    },
    "stage": {
      "enum": [
        "presentation",
        "steroid-inadequate",
        "refractory"
      ]
    },
    "decisionHour": {
      "type": "number",
      "minimum": 0
    },
    "overall": {
      "type": "number",
      "minimum": 0,
      "maximum": 100,
      "description": "The score after any cap, rounded to one decimal."
    },
    "rawOverall": {
      "type": "number",
      "minimum": 0,
      "maximum": 100,
      "description": "The weighted sum of the components before any cap."
    },
    "capped": {
      "type": "boolean"
    },
    "capReason": {
      "type": "string"
    },
    "components": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/ScoreComponent"
      }
    },
    "formula": {
      "$ref": "#/definitions/Formula"
    },
    "caseReading": {
      "description": "How the grader read the case: each feature with its value and where it came from (ground truth or the case's own findings and criteria).",
      "type": "array",
      "items": {
        "$ref": "#/definitions/CaseFeatureReading"
      }
    },
    "expected": {
      "description": "What the guideline expects here: the diagnoses accepted and each requirement with the actions that satisfy it.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "diagnoses",
        "requirements"
      ],
      "properties": {
        "diagnoses": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "requirements": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/RequirementResult"
          }
        }
      }
    },
    "feedback": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/FeedbackItem"
      }
    },
    "disclaimer": {
      "type": "string"
    }
  },
  "definitions": {
    "ComponentId": {
      "enum": [
        "diagnosis",
        "keyActions",
        "dosing",
        "timing",
        "safety"
      ]
    },
    "Severity": {
      "enum": [
        "critical-omission",
        "harmful",
        "dose-error",
        "late",
        "suboptimal",
        "good"
      ]
    },
    "ScoreComponent": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "label",
        "weight",
        "fraction",
        "points",
        "explanation"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/ComponentId"
        },
        "label": {
          "type": "string"
        },
        "weight": {
          "type": "number",
          "minimum": 0
        },
        "fraction": {
          "type": "number",
          "minimum": 0,
          "maximum": 1
        },
        "points": {
          "type": "number",
          "minimum": 0
        },
        "explanation": {
          "type": "string"
        }
      }
    },
    "Formula": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "text",
        "componentWeights",
        "requirementWeights",
        "harmfulCap",
        "riskyExtraPenalty",
        "roundingAllowance"
      ],
      "properties": {
        "text": {
          "type": "string"
        },
        "componentWeights": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "diagnosis",
            "keyActions",
            "dosing",
            "timing",
            "safety"
          ],
          "properties": {
            "diagnosis": {
              "type": "number"
            },
            "keyActions": {
              "type": "number"
            },
            "dosing": {
              "type": "number"
            },
            "timing": {
              "type": "number"
            },
            "safety": {
              "type": "number"
            }
          }
        },
        "requirementWeights": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "critical",
            "recommended"
          ],
          "properties": {
            "critical": {
              "type": "number"
            },
            "recommended": {
              "type": "number"
            }
          }
        },
        "harmfulCap": {
          "type": "number"
        },
        "riskyExtraPenalty": {
          "type": "number"
        },
        "roundingAllowance": {
          "type": "number"
        }
      }
    },
    "CaseFeatureReading": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "feature",
        "value",
        "basis"
      ],
      "properties": {
        "feature": {
          "type": "string"
        },
        "value": {
          "anyOf": [
            {
              "type": "string"
            },
            {
              "type": "number"
            },
            {
              "type": "boolean"
            },
            {
              "type": "null"
            }
          ]
        },
        "basis": {
          "type": "string"
        }
      }
    },
    "RequirementResult": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "label",
        "level",
        "satisfiedBy",
        "present",
        "statementIds",
        "citations"
      ],
      "properties": {
        "id": {
          "type": "string"
        },
        "label": {
          "type": "string"
        },
        "level": {
          "enum": [
            "critical",
            "recommended"
          ]
        },
        "satisfiedBy": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "present": {
          "type": "boolean"
        },
        "doseOk": {
          "type": [
            "boolean",
            "null"
          ],
          "description": "null when no satisfier has a dose rule."
        },
        "onTime": {
          "type": [
            "boolean",
            "null"
          ],
          "description": "null when the requirement has no timing window."
        },
        "safeguarded": {
          "type": "boolean"
        },
        "byHour": {
          "type": "number"
        },
        "statementIds": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "citations": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "FeedbackItem": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "severity",
        "title",
        "teachingPoint",
        "expertAction",
        "statementIds",
        "citations"
      ],
      "properties": {
        "severity": {
          "$ref": "#/definitions/Severity"
        },
        "title": {
          "type": "string",
          "description": "What was found, in one line."
        },
        "teachingPoint": {
          "type": "string",
          "description": "Why it matters, in plain words."
        },
        "expertAction": {
          "type": "string",
          "description": "What the expert would do."
        },
        "statementIds": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "citations": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "actionIds": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "requirementId": {
          "type": "string"
        },
        "pitfallId": {
          "type": "string"
        },
        "component": {
          "$ref": "#/definitions/ComponentId"
        },
        "unverified": {
          "type": "boolean",
          "description": "The teaching text mentions a fact marked unverified in clinical-reference.md; it is not scored."
        }
      }
    }
  }
} as const;
