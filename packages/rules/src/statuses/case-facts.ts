import type { PhoenixMapBand } from '../criteria/phoenix.js';
import type { Case } from '../generated/case.js';
import { miscCaseFacts } from './misc-status-plans.js';
import { phoenixCaseFacts } from './phoenix-status-plan.js';

/**
 * What the status plans read from a case outside its rows: the same in every window, so computed
 * once per CaseStatuses computation and shared by every window's plans (codes as compiled-test.ts).
 * One object is reused for every case.
 */
export class CaseFacts {
  // The MIS-C definitions (misc-status-plans.ts): each "above normal" analyte's upper limit for
  // this patient (NaN: none), and the items that do not depend on the window.
  troponinUpper = NaN;
  ntProBnpUpper = NaN;
  inrUpper = NaN;
  dDimerUpper = NaN;
  esrUpper = NaN;
  crpUpper = NaN;
  procalcitoninUpper = NaN;
  cdcApplies = false;
  cdcSeverity = 0;
  cdcEpidemiologic = 0;
  noAlternativeDiagnosis = 0;
  sarsCov2Serology = 0;
  whoApplies = false;
  whoHypotensionBelow = NaN;
  whoAlternativeDiagnosis = 0;
  whoSarsCov2 = 0;
  // Phoenix (phoenix-status-plan.ts).
  phoenixExcluded = false;
  phoenixMapBand: PhoenixMapBand | undefined = undefined;

  read(c: Case): this {
    miscCaseFacts(c, this);
    phoenixCaseFacts(c, this);
    return this;
  }
}
