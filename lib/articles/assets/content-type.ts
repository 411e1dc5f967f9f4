// Content types of package files by extension (JATS mimetype attributes are often absent or vague).
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv',
  txt: 'text/plain',
  zip: 'application/zip',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  eps: 'application/postscript',
};

export function contentTypeOf(fileName: string, declared: string | null): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return (
    TYPES[ext] ??
    (declared && /^[a-z]+\/[a-z0-9.+-]+$/i.test(declared) ? declared.toLowerCase() : 'application/octet-stream')
  );
}

/** Formats every current browser plays: these get a player, the rest a download link. */
export function playerFor(contentType: string): 'video' | 'audio' | null {
  if (['video/mp4', 'video/webm', 'video/ogg'].includes(contentType)) return 'video';
  if (['audio/mpeg', 'audio/mp4', 'audio/wav', 'audio/ogg'].includes(contentType)) return 'audio';
  return null;
}
