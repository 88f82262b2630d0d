import { cloudbasePhones } from './cloudbase-services'
import { demoPhones, noPhones } from './phones'

/** The phone-number exchange: WeChat's code through the open API on CloudBase, `demo:` codes only locally. */
function appAnswering(result: unknown) {
  const calls: Array<{ apiName: string; requestData: unknown }> = []
  const app = {
    callWxOpenApi: async (arg: { apiName: string; requestData: unknown }) => {
      calls.push(arg)
      return { result }
    },
  }
  const errors: string[] = []
  const log = { info: () => undefined, error: (msg: string) => void errors.push(msg) }
  return { port: cloudbasePhones(app as never, log), calls, errors }
}

it('exchanges the button code through getuserphonenumber and keeps a mainland number only', async () => {
  const ok = appAnswering({ errcode: 0, phone_info: { purePhoneNumber: '13800000001', countryCode: '86' } })
  expect(await ok.port.exchange('code-1')).toBe('13800000001')
  expect(ok.calls).toEqual([{ apiName: '/wxa/business/getuserphonenumber', requestData: { code: 'code-1' } }])
  const asText = appAnswering(JSON.stringify({ errcode: 0, phone_info: { purePhoneNumber: '13800000002' } }))
  expect(await asText.port.exchange('c')).toBe('13800000002')
  const abroad = appAnswering({ errcode: 0, phone_info: { purePhoneNumber: '13800000003', countryCode: '852' } })
  expect(await abroad.port.exchange('c')).toBeNull()
  const used = appAnswering({ errcode: 40029, errmsg: 'invalid code' })
  expect(await used.port.exchange('c')).toBeNull()
  expect(used.errors).toHaveLength(1)
})

it('a demo code works only in the local runtime, and only as demo:<11 digits>', async () => {
  expect(await demoPhones.exchange('demo:13800000001')).toBe('13800000001')
  expect(await demoPhones.exchange('13800000001')).toBeNull()
  expect(await demoPhones.exchange('demo:1380000')).toBeNull()
  expect(await noPhones.exchange('demo:13800000001')).toBeNull()
  // on CloudBase a demo code is just a wrong code: WeChat refuses it
  const cloud = appAnswering({ errcode: 40029 })
  expect(await cloud.port.exchange('demo:13800000001')).toBeNull()
})
