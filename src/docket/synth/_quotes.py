"""What witnesses say to reporters. Each quote is given to one witness only, so identical words
in two articles mean one account repeated, never two witnesses who happen to agree."""

from __future__ import annotations

QUOTES = (
    "We were not human beings there. We were tools, and when a tool broke they threw it away.",
    "I ate grass, tree bark, anything. Some people picked corn kernels out of cow dung.",
    "They told us the only way out was to die.",
    "Every morning we counted who was still breathing.",
    "When the guards hit you, you could not cry out. Crying out meant another beating.",
    "Nobody outside believed me at first. I understand why. It sounds impossible.",
    "I still cannot leave food on a plate. My children laugh at me, but I cannot.",
    "The guards called us by numbers. I forgot my own name for a while.",
    "You learned to sleep sitting up, because there was no room to lie down.",
    "We were told that our children would pay for what we had done, and they did.",
    "The worst was not the hunger. The worst was that nobody knew where we were.",
    "My hands still hurt in the cold, thirty years later.",
    "I saw a man beaten for picking up a potato from the mud.",
    "If you cried at an execution, they wrote your name down.",
    "We used to talk about food all night, recipes, dishes we would never eat again.",
    "I was nineteen. I did not even know what I was accused of.",
    "Every day someone did not come back from the mine.",
    "They made us sing songs of praise while we worked.",
    "There was no medicine. If you got sick, you waited to get better or to die.",
    "A guard told me that I would leave only as ashes.",
    "I stopped counting the days after the first winter.",
    "We buried people without coffins, sometimes three in one hole.",
    "My mother was with me for a year. Then one morning she was gone.",
    "I want the guards to know that we remember their faces.",
    "They searched us for money and took everything, even our hairpins.",
    "Women who were pregnant were treated worst of all.",
    "The cell was so cold that the water in the bowl froze overnight.",
    "We were not allowed to look a guard in the eye.",
    "I dream about the gate. In the dream it is always closed.",
    "Some people simply stopped talking. They worked and ate and said nothing.",
    "The food was salt soup and a handful of corn, twice a day.",
    "When I crossed the river, I thought the guards would shoot me in the back.",
    "I do not hate them. I want them to admit what happened.",
    "We were forbidden to talk about our families.",
    "At night you could hear people crying quietly, so the guards would not hear.",
    "I was released, but part of me is still in that camp.",
    "Our names were read out at meetings as enemies of the people.",
    "I carried stones until my shoulders bled through my shirt.",
)
LONG_QUOTES = (
    (
        "We worked until people fell down in the field. If you stopped to help them, you were "
        "beaten too.",
        "So we learned not to look. That is the part I am most ashamed of, that we learned not "
        "to look.",
    ),
    (
        "In winter the bodies could not be buried because the ground was frozen.",
        "They were stacked behind the storehouse until spring, and we walked past them every day.",
    ),
    (
        "The interrogator asked me the same questions every night for a month.",
        "When I gave the same answers, he beat me. When I changed them, he beat me for lying.",
    ),
    (
        "My daughter was born there. She lived for eleven days.",
        "I was not allowed to hold her after she died. I do not know where they put her.",
    ),
    (
        "They took us to the river to watch. Everyone had to watch, even the children.",
        "Afterwards we went back to work as if nothing had happened. That was the rule.",
    ),
    (
        "I was sent back from China with forty other women, all of us tied together with rope.",
        "At the border the guards searched us, and then the questioning began.",
    ),
)
