/** What a citizen does with the widgets in the end-to-end tests, through labels and roles only. */
import type { Locator } from 'playwright-core';

/** Fills `<ecam-pqrs>` as a natural person asking for a certificate, sends it, and returns the radicado and code. */
export async function filePqrs(form: Locator): Promise<{ radicado: string; code: string }> {
  await form.getByLabel('Persona natural').check();
  await form.getByLabel('Tipo de documento').selectOption('CC');
  await form.getByLabel('Número de documento').fill('1098765432');
  await form.getByLabel('Nombre completo').fill('Luz Marina Rojas');
  await form.getByLabel('Petición', { exact: true }).check();
  await form.getByLabel('Asunto').fill('Certificado del curso');
  await form.getByLabel('Descripción').fill('Terminé el curso de contabilidad básica en junio y necesito el certificado.');
  await form.getByRole('radio', { name: /^Consultar en línea/ }).check();
  await form.getByLabel(/Autorizo a la ECAM/).check();
  await form.getByRole('button', { name: 'Enviar solicitud' }).click();
  await form.getByRole('heading', { name: 'Su solicitud fue radicada' }).waitFor();
  return {
    radicado: (await form.locator('[part="radicado"]').textContent())!.trim(),
    code: (await form.locator('[part="tracking-code"]').textContent())!.trim(),
  };
}

/** Looks a request up in `<ecam-tracker>`. */
export async function track(tracker: Locator, radicado: string, code: string): Promise<void> {
  await tracker.getByLabel('Radicado').fill(radicado);
  await tracker.getByLabel('Código de seguimiento').fill(code);
  await tracker.getByRole('button', { name: 'Consultar', exact: true }).click();
}
