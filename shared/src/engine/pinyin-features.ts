// How Chinese sounds, as features: customers type homophones (太鬼了 for 太贵了, 便宜店 for 便宜点),
// whole pinyin (pian yi dian, taiguile) and initials (jg for 价格), so the classifier compares
// syllables as well as characters.
import { readingOf, readingsOfRun } from './pinyin-converter.ts';

/** Every Mandarin syllable without tone (ü written v), to cut run-together pinyin into syllables. */
const SYLLABLES = new Set(
  (
    'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ' +
    'ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui ' +
    'chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ' +
    'ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan ' +
    'gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen ' +
    'heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju ' +
    'juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai ' +
    'lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ' +
    'ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne ' +
    'nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang ' +
    'pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu ' +
    'qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se ' +
    'sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui ' +
    'shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting ' +
    'tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing ' +
    'xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan ' +
    'zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai ' +
    'zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo '
  )
    .trim()
    .split(' '),
);
const LONGEST_SYLLABLE = 6;

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const LATIN_RUN = /[a-z]+(?: [a-z]+)*/g;
// Initials only: two to four letters with no vowel ("jg", "pyd"), which no English or pinyin word is.
const INITIALS = /^[bcdfghjklmnpqrstwxyz]{2,4}$/;

/** The toneless pinyin of one character (ü written v), or the character itself when it is not Chinese. */
export function pinyinOf(char: string): string {
  return readingOf(char);
}

/**
 * Has the converter read its word list now (about a millisecond), so a worker can do it while it
 * waits for storage rather than on its first message.
 */
export function preparePinyin(): void {
  readingsOfRun('准备');
}

const SYLLABLE_PAIR = 0.6;
const INITIALS_PAIR = 0.25;

/** A Latin word cut into pinyin syllables ("taiguile" → tai gui le), or undefined when it is not pinyin. */
export function syllablesOf(word: string): string[] | undefined {
  const found: string[] = [];
  let at = 0;
  // Greedy longest match is right for almost all real pinyin; a wrong cut only costs a feature.
  while (at < word.length) {
    let size = Math.min(LONGEST_SYLLABLE, word.length - at);
    while (size > 0 && !SYLLABLES.has(word.slice(at, at + size))) size--;
    if (size === 0) return undefined;
    found.push(word.slice(at, at + size));
    at += size;
  }
  return found;
}

/**
 * Adds the sound features of normalised text: `p:` pairs of neighbouring syllables (from Chinese
 * characters and from pinyin typed in Latin letters alike) and `i:` pairs of their initials.
 */
export function addPinyinFeatures(normalized: string, add: (feature: string, value: number) => void): void {
  for (const [run] of normalized.matchAll(CJK_RUN)) {
    if (run.length < 2) continue;
    addSyllablePairs(readingsOfRun(run), add);
  }
  for (const [run] of normalized.matchAll(LATIN_RUN)) {
    const words = run.split(' ');
    const syllables: string[] = [];
    const flush = (): void => {
      if (syllables.length >= 2) addSyllablePairs(syllables, add);
      syllables.length = 0;
    };
    for (const word of words) {
      if (INITIALS.test(word)) {
        flush();
        for (let i = 0; i + 1 < word.length; i++) add('i:' + word.slice(i, i + 2), INITIALS_PAIR);
        continue;
      }
      const cut = word.length <= 18 ? syllablesOf(word) : undefined;
      if (cut) syllables.push(...cut);
      else flush();
    }
    flush();
  }
}

function addSyllablePairs(syllables: readonly string[], add: (feature: string, value: number) => void): void {
  for (let i = 0; i + 1 < syllables.length; i++) {
    const a = syllables[i]!;
    const b = syllables[i + 1]!;
    add('p:' + a + ' ' + b, SYLLABLE_PAIR);
    add('i:' + a[0] + b[0], INITIALS_PAIR);
  }
}
