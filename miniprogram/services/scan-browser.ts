import jsQR from 'jsqr'

/**
 * The browser's camera scanner: a full-screen layer with the live picture, a line saying what to do and a large
 * close button; every animation frame is drawn to a small canvas and read with jsQR. The camera is released as
 * soon as a code is read or the layer is closed.
 */
export async function scanInBrowser(words: { close: string; aim: string }): Promise<string | null> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) return null
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  } catch {
    return null
  }
  return new Promise<string | null>((resolve) => {
    const layer = document.createElement('div')
    layer.className = 'l-scanner'
    layer.setAttribute('role', 'dialog')
    layer.style.cssText =
      'position:fixed;inset:0;z-index:9999;background:#000;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:24px'
    const video = document.createElement('video')
    video.setAttribute('playsinline', 'true')
    video.muted = true
    video.style.cssText = 'max-width:100%;max-height:70vh'
    const aim = document.createElement('div')
    aim.textContent = words.aim
    aim.style.cssText = 'color:#fff;font-size:20px;padding:0 16px;text-align:center'
    const close = document.createElement('button')
    close.type = 'button'
    close.textContent = words.close
    close.style.cssText = 'font-size:20px;min-height:56px;min-width:160px;border-radius:8px;border:0'
    layer.append(video, aim, close)
    document.body.appendChild(layer)
    const canvas = document.createElement('canvas')
    const g = canvas.getContext('2d', { willReadFrequently: true })
    let done = false
    const finish = (text: string | null) => {
      if (done) return
      done = true
      for (const track of stream.getTracks()) track.stop()
      layer.remove()
      resolve(text)
    }
    close.onclick = () => finish(null)
    const tick = () => {
      if (done) return
      if (g && video.readyState >= 2 && video.videoWidth) {
        // a third of the picture's size is plenty for a code held up to the camera, and quick to read
        const scale = Math.min(1, 480 / video.videoWidth)
        canvas.width = Math.round(video.videoWidth * scale)
        canvas.height = Math.round(video.videoHeight * scale)
        g.drawImage(video, 0, 0, canvas.width, canvas.height)
        const img = g.getImageData(0, 0, canvas.width, canvas.height)
        const found = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' })
        if (found?.data) return finish(found.data)
      }
      requestAnimationFrame(tick)
    }
    video.srcObject = stream
    void video.play().then(tick, () => finish(null))
  })
}
