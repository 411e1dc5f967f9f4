/** The CME box with the seed's accreditation statement; the quiz itself arrives with the CME issue. */
export function CmeBox() {
  return (
    <section className="box cme-box" aria-labelledby="cme-heading">
      <h2 id="cme-heading" className="box__title">
        CME
      </h2>
      <p>Meets CME requirements for:</p>
      <p>Browse CME for all U.S. States</p>
      <details>
        <summary>Accreditation Information</summary>
        <p>
          The American Medical Association is accredited by the Accreditation Council for Continuing Medical Education to
          provide continuing medical education for physicians. The AMA designates this journal-based CME activity for a
          maximum of 1 <i>AMA PRA Category 1 Credit</i>™ per course. Physicians should claim only the credit commensurate
          with the extent of their participation in the activity. Physicians who complete the CME course and score at
          least 80% correct on the quiz are eligible for <i>AMA PRA Category 1 Credit</i>™.
        </p>
      </details>
    </section>
  );
}
