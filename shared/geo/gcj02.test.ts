import fc from 'fast-check'
import { distanceM } from '../patrol/patrol.rules'
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02'

it('offsets points in China by hundreds of metres and leaves others alone', () => {
  const g = wgs84ToGcj02(31.62, 99.99)
  const d = distanceM({ lat: 31.62, lng: 99.99 }, g)
  expect(d).toBeGreaterThan(100)
  expect(d).toBeLessThan(1000)
  expect(wgs84ToGcj02(48.85, 2.35)).toEqual({ lat: 48.85, lng: 2.35 })
})

it('the inverse round-trips to within a centimetre anywhere in China', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 18, max: 53, noNaN: true }),
      fc.double({ min: 74, max: 134, noNaN: true }),
      (lat, lng) => {
        const w = gcj02ToWgs84(lat, lng)
        const back = wgs84ToGcj02(w.lat, w.lng)
        expect(distanceM({ lat, lng }, back)).toBeLessThan(0.01)
      },
    ),
  )
})
