/**
 * Word lists of the English name recognizer (split from en-names.ts): clinical words that make a weak context
 * no name, and capitalised words that are never names.
 */
/**
 * Words of drug, disease, anatomy and guideline names: two capitalised words containing one of them are not a
 * name where the context is weak ("Chronic Kidney Disease was seen", "regarding Heart Failure"). Checked on
 * REFERENCE.md and the ACI-Bench notes (`../shared/data/aci-bench`).
 */
export const CLINICAL_WORD =
  /^(?:Chronic|Acute|Kidney|Renal|Heart|Cardiac|Failure|Disease|Syndrome|Disorder|Blood|Pressure|Hypertension|Diabetes|Mellitus|Type|Stroke|Atrial|Fibrillation|Coronary|Artery|Pulmonary|Obstructive|Sleep|Apnea|Apnoea|Guideline|Guidelines|Society|Association|College|Committee|Task|Force|Report|Trial|Study|Clinic|Hospital|Medical|Center|Centre|University|Health|Care|Department|Diagnostics|Laboratory|Laboratories|Pathology|Radiology|Imaging|Pharmacy|Practice|Ward|Unit|Emergency|Primary|Internal|Medicine|Family|County|City|State|North|South|East|West|New|Saint|St|Lake|River|Mount|Valley|Street|Road|Avenue|Besylate|Maleate|Potassium|Sodium|Calcium|Insulin|Aspirin|Tablet|Tablets|Capsule|Extended|Release|Oral|Left|Right|Upper|Lower|Total|Mean|Systolic|Diastolic|Office|Home|Ambulatory|Review|Plan|Assessment|History|Physical|Exam|Examination|Labs|Results|Chief|Complaint|Present|Illness|Nursing|Nurses|Staff|Social|Services|Service|Security|Reception|Admissions|Billing|Records|Transport|Chaplain|Chaplaincy|Dietary|Nutrition|Physiotherapy|Rehab|Rehabilitation|Surgery|Anesthesia|Anaesthesia|Lab|Team|United|States|Kingdom|America|American|Africa|Asia|Europe|China|India|Mexico|Canada)$|(?:pril|sartan|dipine|olol|azide|thiazide|statin|formin|gliflozin|glutide|semide|lactone|oxacin|cillin|mycin|itis|osis|emia|aemia|pathy|ectomy|plasty|ology|algia)$/;

/** Capitalised words that are not names even where a name is expected. */
export const NOT_NAMES = new Set(
  (
    'The This That He She His Her They Patient Name History Unknown None Denies Reports Is Was Has Had Not No Yes ' +
    'Home Hospital Clinic Center Department Discharge Summary Admission Date Note Progress Plan Assessment ' +
    'Follow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December Mrs Mr Ms Dr Re Hi Hello Dear Good Morning Thanks Also And Or ' +
    'Renal Endocrinology Cardiology Nephrology Sleep Medicine Telehealth Video Primary Care Hypertension Emergency ' +
    'ED Unit Apt Street Road Avenue Table Figure Section Box Appendix Chapter Grade Stage Class Type Step ' +
    'Level Phase Version Part Page Item Rule Note Notes Source Sources Guideline Guidelines Study Trial Score ' +
    'Today Yesterday Tomorrow Tonight Since After Before When While If I We You Thank Please Per ' +
    'Sir Madam Team All Everyone There Doctor Nurse Folks ' +
    // Round 6: addressees and words of letters and forms (Dear Reviewer, Member:, Subject: Remote …)
    'Reviewer Reviewers Colleague Colleagues Committee Member Members Provider Providers Phone Email Fax'
  ).split(' '),
);
