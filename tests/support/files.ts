/** The local host's photo URLs are signed and expire (`/api/files/<id>?exp=…&sig=…`): what tests say of them. */
export function signedFileUrl(fileId: string): unknown {
  return expect.stringMatching(new RegExp(`^/api/files/${fileId}\\?exp=\\d+&sig=\\w{22}$`))
}

/** The file id a local photo or export URL names. */
export function fileIdOfUrl(url: string): string {
  return new URL(url, 'http://localhost').pathname.split('/').pop()!
}
