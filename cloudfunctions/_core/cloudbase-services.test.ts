import { TEMP_URL_BATCH, cloudbaseFiles } from './cloudbase-services'
import { jpegWithExif, GPS_MARK } from '../../tests/support/fixtures'

/** The CloudBase file port against a stand-in for the SDK's app object (the calls and their limits). */
function fakeApp() {
  const calls: Array<{ fn: string; arg: { fileList: unknown[] } }> = []
  const stored = new Map<string, Buffer>()
  const app = {
    getTempFileURL: async (arg: { fileList: Array<{ fileID: string }> }) => {
      calls.push({ fn: 'getTempFileURL', arg })
      if (arg.fileList.length > TEMP_URL_BATCH) throw new Error('too many files in one call')
      return {
        fileList: arg.fileList.map((f) => ({
          fileID: f.fileID,
          tempFileURL: f.fileID.includes('gone') ? '' : `https://tmp/${f.fileID}`,
        })),
      }
    },
    downloadFile: async ({ fileID }: { fileID: string }) =>
      stored.has(fileID) ? { fileContent: stored.get(fileID) } : null,
    uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
      const id = `cloud://env/${cloudPath}`
      stored.set(id, fileContent)
      return { fileID: id }
    },
    deleteFile: async ({ fileList }: { fileList: string[] }) => {
      for (const f of fileList) stored.delete(f)
      return {}
    },
  }
  return { app: app as never, calls, stored }
}

describe('CloudBase files', () => {
  it('asks for temporary URLs at most 50 at a time, once per file, and leaves out files that have none', async () => {
    const { app, calls } = fakeApp()
    const ids = Array.from({ length: 120 }, (_, i) => `cloud://env/incident/u/${i}.jpg`)
    const urls = await cloudbaseFiles(app).urls([...ids, ids[0]!, 'cloud://env/incident/u/gone.jpg'])
    expect(calls.map((c) => c.arg.fileList.length)).toEqual([50, 50, 21])
    expect(Object.keys(urls)).toHaveLength(120)
    expect(urls[ids[119]!]).toBe(`https://tmp/${ids[119]}`)
    expect(await cloudbaseFiles(app).urls([])).toEqual({})
    expect(calls).toHaveLength(3)
  })

  it("adopts only the caller's own upload, stores it clean and removes the original", async () => {
    const { app, stored } = fakeApp()
    const upload = 'cloud://env/uploads/u-zhuoma/a.jpg'
    stored.set(upload, Buffer.from(jpegWithExif(6)))
    const files = cloudbaseFiles(app)
    await expect(files.adoptPhoto(upload, 'u-zhaxi')).rejects.toThrow('自己上传')
    const { fileId: id } = await files.adoptPhoto(upload, 'u-zhuoma')
    expect(id).toMatch(/^cloud:\/\/env\/incident\/u-zhuoma\/[0-9a-f]{24}\.jpg$/)
    expect(stored.has(upload)).toBe(false)
    expect(stored.get(id)!.includes(Buffer.from(GPS_MARK))).toBe(false)
    // a retry with the adopted id is accepted for its owner only
    expect((await files.adoptPhoto(id, 'u-zhuoma')).fileId).toBe(id)
    await expect(files.adoptPhoto(id, 'u-zhaxi')).rejects.toThrow('自己上传')
    await expect(files.adoptPhoto('cloud://env/uploads/u-zhuoma/missing.jpg', 'u-zhuoma')).rejects.toThrow('重新上传')
  })
})
