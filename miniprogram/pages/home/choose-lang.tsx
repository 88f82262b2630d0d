import { View } from '@tarojs/components'
import { LANG_NAMES, LANGS, textOf, type Lang } from '@shared/i18n/i18n'
import { Button, Page } from '../../components'
import { HOME } from './home.strings'

/**
 * The first screen on a phone where no language was chosen yet, before anything else: the question in both
 * languages and one big button per language, each in its own script.
 */
export function ChooseLang(props: { onChosen: (lang: Lang) => void }) {
  return (
    <Page>
      {LANGS.map((l) => (
        <View key={l} className="l-page__title">
          {textOf(HOME.choose_lang, l)}
        </View>
      ))}
      {LANGS.map((l) => (
        <Button key={l} onClick={() => props.onChosen(l)}>
          {LANG_NAMES[l]}
        </Button>
      ))}
      {LANGS.map((l) => (
        <View key={l} className="l-page__intro">
          {textOf(HOME.choose_lang_later, l)}
        </View>
      ))}
    </Page>
  )
}
