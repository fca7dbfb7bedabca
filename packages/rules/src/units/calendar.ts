/** Age arithmetic (definitional): a year of 365.25 days, as every age-in-days rule here reads it. */
export const DAYS_PER_YEAR = 365.25;
