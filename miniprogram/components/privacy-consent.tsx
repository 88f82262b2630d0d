import { Button as NativeButton, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { IS_WEAPP } from '../services/env'
import { t } from '../services/i18n'
import { AGREE_BUTTON_ID, answerConsent, onConsentRequest, type ConsentRequest } from '../services/privacy'
import { Button } from './button'

/**
 * The one consent dialog (services/privacy.ts), drawn by every Page: the privacy agreement before the first photo,
 * phone-number or clipboard use, and precise location on its own. In WeChat the agree button is WeChat's
 * `open-type="agreePrivacyAuthorization"`, so the agreement reaches WeChat's record; refusing leaves the typed
 * address and the codes to scan.
 */
export function PrivacyConsent() {
  const [request, setRequest] = useState<ConsentRequest | null>(null)
  useEffect(() => onConsentRequest(setRequest), [])
  if (!request) return null
  const text = request.kind === 'location' ? t('ui.privacy_location') : t('ui.privacy_general')
  return (
    <View className="l-consent" role="dialog" aria-modal="true" data-testid="privacy-consent">
      <View className="l-consent__box">
        <View className="l-card__title">{t('ui.privacy_title')}</View>
        <View className="l-consent__text">{text}</View>
        {IS_WEAPP && request.wechat ? (
          <NativeButton
            id={AGREE_BUTTON_ID}
            className="l-btn l-btn--primary"
            openType={'agreePrivacyAuthorization' as never}
            onClick={() => answerConsent(true)}
          >
            {t('ui.privacy_agree')}
          </NativeButton>
        ) : (
          <Button onClick={() => answerConsent(true)}>{t('ui.privacy_agree')}</Button>
        )}
        <Button kind="secondary" onClick={() => answerConsent(false)}>
          {t('ui.privacy_refuse')}
        </Button>
      </View>
    </View>
  )
}
