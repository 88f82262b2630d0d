/**
 * WeChat's phone-number button (`open-type="getPhoneNumber"`) gives the mini-program a one-time code; the function
 * exchanges it for the number through the platform's phone-number API (`phonenumber.getPhoneNumber`, declared in
 * cloudfunctions/platform.ts). Locally there is no WeChat: a code `demo:<11 digits>` stands in for it, and only in
 * local mode (the CloudBase adapter never accepts one).
 */
export interface PhonePort {
  /** the verified number, or null when the code is not good (expired, used, made up) */
  exchange(code: string): Promise<string | null>
}

const DEMO = /^demo:(1\d{10})$/

export const demoPhones: PhonePort = {
  async exchange(code) {
    return DEMO.exec(code)?.[1] ?? null
  },
}

/** No phone can be verified (a runtime that is neither local nor CloudBase). */
export const noPhones: PhonePort = {
  async exchange() {
    return null
  },
}
