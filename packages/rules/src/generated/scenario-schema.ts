/* Generated from packages/rules/schemas/scenario.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `pnpm generate:types`. */

export const scenarioSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://masdrill.invalid/schemas/scenario.schema.json",
  "title": "Scenario",
  "description": "A teaching scenario: a case (a case file, or a generated case with constraints it must meet) that unfolds over stages in hour order; each stage asks questions (leading diagnosis, criteria met, escalation, management plan) and carries the expert's answers and typical wrong answer sets with the feedback they must draw. Education and simulation only.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "schemaVersion",
    "id",
    "title",
    "summary",
    "teaches",
    "stages"
  ],
  "properties": {
    "schemaVersion": {
      "const": 1
    },
    "id": {
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]*$",
      "maxLength": 80,
      "description": "The scenario's id (lower-case letters, digits and hyphens; the file name without .yaml)."
    },
    "title": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200
    },
    "summary": {
      "type": "string",
      "minLength": 1,
      "description": "What the scenario is about and what it teaches, in a few sentences."
    },
    "teaches": {
      "type": "array",
      "minItems": 1,
      "uniqueItems": true,
      "items": {
        "$ref": "#/definitions/StatementRef"
      },
      "description": "The guideline statement IDs (guideline.md) the scenario teaches."
    },
    "case": {
      "type": "string",
      "minLength": 1,
      "description": "A case file (JSON, case schema), relative to the scenario file."
    },
    "generate": {
      "$ref": "#/definitions/GenerateSpec"
    },
    "constrain": {
      "$ref": "#/definitions/Constraints"
    },
    "stages": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/definitions/ScenarioStage"
      },
      "description": "The decision points, in hour order; the first at hour 0."
    },
    "notes": {
      "type": "string"
    }
  },
  "definitions": {
    "StatementRef": {
      "type": "string",
      "pattern": "^[A-Z]+-[0-9]+$",
      "description": "A guideline statement ID such as HEAD-1 or GC-2."
    },
    "GenerateSpec": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind",
        "seed"
      ],
      "description": "A generated case: generateCase({kind, seed, index, difficulty}) from @masdrill/generator.",
      "properties": {
        "kind": {
          "enum": [
            "mas",
            "sjia-flare",
            "sepsis",
            "misc"
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
        "difficulty": {
          "enum": [
            "standard",
            "hard"
          ]
        }
      }
    },
    "Constraints": {
      "type": "object",
      "additionalProperties": false,
      "description": "Checks the case must pass (the seed is chosen to meet them; masdrill validate verifies it).",
      "properties": {
        "subtype": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
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
          }
        },
        "trigger": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
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
          }
        },
        "severity": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "enum": [
              "moderate",
              "severe",
              "critical"
            ]
          }
        },
        "masPresent": {
          "type": "boolean"
        },
        "cnsInvolvement": {
          "type": "boolean"
        },
        "shock": {
          "type": "boolean",
          "description": "Shock or vasoactive support documented at some hour."
        },
        "ageYears": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "min": {
              "type": "number",
              "minimum": 0,
              "maximum": 25
            },
            "max": {
              "type": "number",
              "minimum": 0,
              "maximum": 25
            }
          },
          "description": "Age at presentation, in years (inclusive bounds)."
        },
        "sjia": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "enum": [
              "none",
              "suspected",
              "known"
            ]
          }
        },
        "marrowHemophagocytosis": {
          "type": "boolean",
          "description": "A bone marrow is examined and shows (true) or does not show (false) hemophagocytosis."
        },
        "ferritinAtLeast": {
          "type": "number",
          "minimum": 0,
          "description": "The highest ferritin in the case is at least this (ng/mL)."
        },
        "masNeeds": {
          "enum": [
            "glucocorticoid-alone",
            "first-line-combination",
            "second-line"
          ],
          "description": "The MAS treatment this patient needs before responding (the patient's hidden responsiveness in the response model, @masdrill/generator responseProfile): a high-dose glucocorticoid alone, with cyclosporine or anakinra, or a second-line agent (refractory)."
        },
        "criteriaMet": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/definitions/CriteriaSetId"
          },
          "description": "Criteria sets that must be met on the whole case (rules evaluate)."
        },
        "criteriaNotMet": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/definitions/CriteriaSetId"
          },
          "description": "Criteria sets that must not be met on the whole case."
        }
      }
    },
    "Question": {
      "description": "diagnosis: the leading diagnosis; criteria: which criteria sets are met by now; escalation: continue or escalate; plan: the management plan.",
      "enum": [
        "diagnosis",
        "criteria",
        "escalation",
        "plan"
      ]
    },
    "CriteriaSetId": {
      "enum": [
        "hlh-2004",
        "eular-acr-2016",
        "hscore",
        "ms-score",
        "ferritin-esr",
        "phoenix",
        "misc-cdc-2023",
        "misc-who-2020"
      ]
    },
    "CriteriaAnswer": {
      "description": "One criteria set judged on what is known by the stage's hour: met; not-met; not-assessable (the data missing could still change the answer — missing data is not assessed, never normal).",
      "enum": [
        "met",
        "not-met",
        "not-assessable"
      ]
    },
    "CriteriaJudgements": {
      "type": "object",
      "additionalProperties": false,
      "description": "A judgement per criteria set (a set left out is judged not met).",
      "properties": {
        "hlh-2004": {
          "$ref": "#/definitions/CriteriaAnswer"
        },
        "eular-acr-2016": {
          "$ref": "#/definitions/CriteriaAnswer"
        },
        "hscore": {
          "$ref": "#/definitions/CriteriaAnswer"
        },
        "ms-score": {
          "$ref": "#/definitions/CriteriaAnswer"
        },
        "ferritin-esr": {
          "$ref": "#/definitions/CriteriaAnswer"
        },
        "phoenix": {
          "$ref": "#/definitions/CriteriaAnswer"
        },
        "misc-cdc-2023": {
          "$ref": "#/definitions/CriteriaAnswer"
        },
        "misc-who-2020": {
          "$ref": "#/definitions/CriteriaAnswer"
        }
      }
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
    "Escalation": {
      "description": "continue: the patient is responding, keep the plan; escalate: the response is inadequate, step up.",
      "enum": [
        "continue",
        "escalate"
      ]
    },
    "PlanStage": {
      "description": "How the stage's plan is scored: presentation (first-line), steroid-inadequate (MAS not responding to a glucocorticoid alone: add cyclosporine A, CSA-1) or refractory (MAS or MIS-C not responding to first-line combination therapy).",
      "enum": [
        "presentation",
        "steroid-inadequate",
        "refractory"
      ]
    },
    "ScenarioStage": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "hour",
        "title",
        "asks"
      ],
      "properties": {
        "id": {
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]*$",
          "maxLength": 60,
          "description": "The stage's id (used as the key in answers files)."
        },
        "hour": {
          "type": "number",
          "minimum": 0,
          "maximum": 8760,
          "description": "Hours from presentation."
        },
        "title": {
          "type": "string",
          "minLength": 1
        },
        "prompt": {
          "type": "string",
          "description": "What the trainee is told at this stage."
        },
        "asks": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/definitions/Question"
          }
        },
        "planStage": {
          "$ref": "#/definitions/PlanStage"
        },
        "diagnosisOptions": {
          "type": "array",
          "minItems": 2,
          "uniqueItems": true,
          "items": {
            "$ref": "#/definitions/DiagnosisId"
          },
          "description": "The choices offered (default: the expected diagnosis and its mimics)."
        },
        "criteriaSets": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/definitions/CriteriaSetId"
          },
          "description": "The criteria sets asked about (default: all)."
        },
        "expert": {
          "$ref": "#/definitions/StageAnswers"
        },
        "wrong": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/WrongAnswerSet"
          }
        }
      }
    },
    "StageAnswers": {
      "type": "object",
      "additionalProperties": false,
      "description": "Answers to a stage's questions. The plan is given either whole (plan: every action in force now — orders already in force that it lists unchanged continue, a changed dose modifies them, a continuing order it leaves out is stopped; one-off orders already given and finished courses stay done) or as changes to the orders in force (orders: stop, modify, add; what is not named continues). In a scenario's expert answers every field is optional: what is left out is derived from the rules (the expected diagnosis, evaluate, the patient's course, expectedPlan, without repeating one-off orders already given).",
      "properties": {
        "diagnosis": {
          "$ref": "#/definitions/DiagnosisId"
        },
        "criteria": {
          "description": "The criteria answer: a list of the sets judged met (every other set asked is judged not met; an empty list: none met), or a judgement per set — met, not-met or not-assessable (a set left out is judged not met). The key is what rules evaluate says on the chart by the stage's hour: met, not met, or not assessable where the missing data could still change the answer.",
          "oneOf": [
            {
              "type": "array",
              "uniqueItems": true,
              "items": {
                "$ref": "#/definitions/CriteriaSetId"
              }
            },
            {
              "$ref": "#/definitions/CriteriaJudgements"
            }
          ]
        },
        "escalation": {
          "$ref": "#/definitions/Escalation"
        },
        "plan": {
          "$ref": "#/definitions/PlanAnswer"
        },
        "orders": {
          "$ref": "#/definitions/OrderChanges"
        }
      }
    },
    "OrderChanges": {
      "type": "object",
      "additionalProperties": false,
      "description": "Changes to the orders in force at this stage (packages/quiz order model: each order is continuing until stopped, a course with a length — methylprednisolone pulses 3–5 days, GC-1 — or a one-off given once — IVIG, cultures, PCR, echo, marrow). Orders not named continue. The plan is submitted as it stands after the changes.",
      "properties": {
        "stop": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string"
          },
          "description": "Action ids of continuing orders (or courses) to stop now."
        },
        "modify": {
          "type": "array",
          "maxItems": 100,
          "items": {
            "type": "object"
          },
          "description": "New versions of orders in force, matched by action id: {action, dose?, everyHours?, note?}; the old order stops and the new one starts now (atHour defaults to the stage's hour)."
        },
        "add": {
          "type": "array",
          "maxItems": 100,
          "items": {
            "type": "object"
          },
          "description": "New orders: {action, atHour?, dose?, everyHours?, note?} (plan schema PlannedAction; atHour defaults to the stage's hour)."
        },
        "reassessEveryHours": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 720
        }
      }
    },
    "PlanAnswer": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "actions"
      ],
      "description": "The management plan as of this stage: every action in force now (plan schema: packages/rules/schemas/plan.schema.json). Orders already in force that it lists with the same dose continue from their start hour; one-off orders already given and finished courses need not be listed again (they stay done). The stage fills in the rest of the plan: schemaVersion, caseId, stage, decisionHour, and the leading diagnosis from the diagnosis answer.",
      "properties": {
        "actions": {
          "type": "array",
          "maxItems": 200,
          "items": {
            "type": "object"
          },
          "description": "Planned actions: {action, atHour, dose?, everyHours?, note?} (plan schema PlannedAction)."
        },
        "reassessEveryHours": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 720
        },
        "differential": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/definitions/DiagnosisId"
          }
        },
        "notes": {
          "type": "string"
        }
      }
    },
    "WrongAnswerSet": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "answers",
        "expectFeedback",
        "expectScoreBelow"
      ],
      "description": "A typical wrong answer set for this stage (the other questions and stages get the expert's answers), the feedback it must draw and the score it must stay under.",
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1
        },
        "answers": {
          "$ref": "#/definitions/StageAnswers"
        },
        "expectFeedback": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/definitions/StatementRef"
          },
          "description": "Statement IDs the stage's feedback must cite."
        },
        "expectScoreBelow": {
          "type": "number",
          "exclusiveMinimum": 0,
          "maximum": 100,
          "description": "The stage score must be below this."
        }
      }
    },
    "AnswersFile": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "stages"
      ],
      "description": "A trainee's answers for a headless session (masdrill play --answers): per stage id, the answers to that stage's questions. A question left unanswered scores 0.",
      "properties": {
        "schemaVersion": {
          "const": 1
        },
        "scenario": {
          "type": "string",
          "description": "The scenario these answers are for (checked when given)."
        },
        "stages": {
          "type": "object",
          "additionalProperties": {
            "$ref": "#/definitions/StageAnswers"
          }
        }
      }
    }
  }
} as const;
