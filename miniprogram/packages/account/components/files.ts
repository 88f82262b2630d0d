import Taro from '@tarojs/taro'
import { IS_WEAPP } from '../../../services/env'

/** A generated file (template, export, invite sheet) handed to the person: saved and opened, or downloaded. */
export async function saveFile(file: { filename: string; mime: string; base64: string }): Promise<boolean> {
  if (IS_WEAPP) {
    const path = `${Taro.env.USER_DATA_PATH}/${file.filename}`
    Taro.getFileSystemManager().writeFileSync(path, file.base64, 'base64')
    await Taro.openDocument({ filePath: path, showMenu: true })
    return true
  }
  if (typeof document === 'undefined') return false
  const a = document.createElement('a')
  a.href = `data:${file.mime};base64,${file.base64}`
  a.download = file.filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  return true
}

/** An .xlsx the person picks: from a WeChat chat on the phone, from the disk in a browser. Null: none chosen. */
export async function pickSheet(): Promise<{ name: string; base64: string } | null> {
  if (IS_WEAPP) {
    const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] }).catch(() => null)
    const f = picked?.tempFiles[0]
    if (!f) return null
    return { name: f.name, base64: String(Taro.getFileSystemManager().readFileSync(f.path, 'base64')) }
  }
  if (typeof document === 'undefined') return null
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.setAttribute('data-testid', 'sheet-input')
    input.style.display = 'none'
    input.onchange = () => {
      const f = input.files?.[0]
      if (!f) return resolve(null)
      const reader = new FileReader()
      reader.onload = () => {
        const url = String(reader.result)
        resolve({ name: f.name, base64: url.slice(url.indexOf(',') + 1) })
        input.remove()
      }
      reader.readAsDataURL(f)
    }
    document.body.appendChild(input)
    input.click()
  })
}
