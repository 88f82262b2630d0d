import Taro from '@tarojs/taro'

const TOKEN_KEY = 'linli.token'

/** The local host's bearer token (H5 only; in WeChat the platform supplies the caller). */
export function getToken(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(TOKEN_KEY)
    return typeof value === 'string' && value ? value : null
  } catch {
    return null
  }
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
}

export function clearToken(): void {
  try {
    Taro.removeStorageSync(TOKEN_KEY)
  } catch {
    // storage unavailable: nothing stored to clear
  }
}
