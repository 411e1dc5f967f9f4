/** Text made safe inside HTML we write by hand (an element's text or a quoted attribute's value). */
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
